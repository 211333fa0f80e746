// The one place the help centre inserts HTML. It is safe because it comes only from the server's renderer
// (server/modules/faq/faq-markdown.ts): raw HTML in the Markdown is escaped, links are limited to http(s),
// mailto and the portal's own pages, images are off — and the Content-Security-Policy forbids inline scripts
// anyway. Never pass anything else here.
export function ArticleHtml({ html }: { html: string }) {
  return <div className="faq-article__body" dangerouslySetInnerHTML={{ __html: html }} />;
}
