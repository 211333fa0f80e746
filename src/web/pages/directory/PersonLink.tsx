import { Link } from 'react-aria-components';
import { staffPaths } from '../staff-paths.ts';

type Person = { id: string; firstName: string; lastName: string; jobTitle: string };

// A colleague as the directory names them: name (link to their card), then job title. Job titles are the
// city's records, in French whatever the page's language.
export function PersonLink({ person, withTitle = true }: { person: Person; withTitle?: boolean }) {
  return (
    <>
      <Link href={staffPaths.directoryAgent(person.id)} className="person-link">
        {person.firstName} {person.lastName}
      </Link>
      {withTitle && person.jobTitle ? (
        <span className="person-link__title" lang="fr">
          {person.jobTitle}
        </span>
      ) : null}
    </>
  );
}
