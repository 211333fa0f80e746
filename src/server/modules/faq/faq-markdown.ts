import MarkdownIt from 'markdown-it';

// An article's Markdown becomes the HTML the help centre inserts as is, so this is the one place that decides
// what may reach an agent's browser. Raw HTML is escaped, never passed (html: false); a link goes only to a
// web page, an e-mail address or a page of the portal; images are off (no tracking pixels, no data: URLs).

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
markdown.disable(['image']);

const allowedLink = /^(https?:\/\/|mailto:|\/(?![/\\])|#)/i;

// markdown-it hands the address already normalised (percent-encoded); control characters and spaces used to
// disguise "javascript:" are encoded by then, so an address that does not start as allowed is refused whole.
markdown.validateLink = (url: string) => allowedLink.test(url.trim());

const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  // An article may point anywhere on the web: the page it opens gets neither our window nor our address.
  tokens[index]!.attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLinkOpen(tokens, index, options, env, self);
};

export function renderArticle(body: string): string {
  return markdown.render(body);
}
