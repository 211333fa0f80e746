import { Alert } from '../../components/Alert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { MyFileLayout } from './MyFileLayout.tsx';

// GDPR art. 15. Plain links: the browser downloads with the session cookie, and the server records each request.
export function MyDataPage() {
  const { papers } = useI18n();
  const text = papers.file.data;
  const downloads = [
    { id: 'data-pdf', href: '/api/me/data-export.pdf', label: text.pdf, hint: text.pdfHint },
    { id: 'data-json', href: '/api/me/data-export.json', label: text.json, hint: text.jsonHint },
  ];

  return (
    <MyFileLayout title={text.title} lead={text.lead}>
      <p className="file-reading">{text.contents}</p>
      <Alert tone="info">
        <p>{text.recorded}</p>
      </Alert>
      <section aria-labelledby="data-downloads-title">
        <h2 id="data-downloads-title">{text.downloadsTitle}</h2>
        <ul className="action-list">
          {downloads.map((download) => (
            <li key={download.href}>
              <a href={download.href} download className="button button--primary" aria-describedby={`${download.id}-hint`}>
                {download.label}
              </a>
              <p id={`${download.id}-hint`} className="action-list__hint">
                {download.hint}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </MyFileLayout>
  );
}
