import { type ReactNode, useId } from 'react';
import type { PersonalFileResponse } from '../../../server/modules/personal-file/personal-file.schema.ts';
import { Fact, Facts } from '../../components/Facts.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { formatMonth, hoursAndMinutes } from './file-format.ts';

type Level = 2 | 3;

// The file as its agent and HR read it, section by section: the agent's page puts it under its title (h2),
// the HR agent page inside its "personal file" section (h3).
export function PersonalFileView({ file, level, bankAction }: { file: PersonalFileResponse; level: Level; bankAction?: ReactNode }) {
  const { papers, locale } = useI18n();
  const text = papers.file;
  const none = <span className="muted">{text.none}</span>;
  const date = (value: string) => formatDate(value, locale);
  const { civilStatus, address, contact, bankDetails, family, career, workingTime } = file;
  const [hours, minutes] = hoursAndMinutes(workingTime.weeklyMinutes);

  return (
    <>
      <FileSection title={text.sections.civilStatus} level={level}>
        <Facts>
          <Fact label={text.fields.birthName}>{civilStatus.birthName}</Fact>
          <Fact label={text.fields.usageName}>{civilStatus.usageName ?? none}</Fact>
          <Fact label={text.fields.birthDate}>{date(civilStatus.birthDate)}</Fact>
          <Fact label={text.fields.birthPlace}>
            <span lang="fr">{civilStatus.birthPlace}</span>
          </Fact>
          <Fact label={text.fields.nationality}>
            <span lang="fr">{civilStatus.nationality}</span>
          </Fact>
        </Facts>
      </FileSection>

      <FileSection title={text.sections.address} level={level}>
        <address className="file-address" lang="fr">
          {address.addressLine1}
          <br />
          {address.addressLine2 ? (
            <>
              {address.addressLine2}
              <br />
            </>
          ) : null}
          {address.postalCode} {address.city}
          <br />
          {address.country}
        </address>
      </FileSection>

      <FileSection title={text.sections.contact} level={level}>
        <Facts>
          <Fact label={text.fields.personalPhone}>{contact.personalPhone ?? none}</Fact>
          <Fact label={text.fields.personalEmail} wide>
            {contact.personalEmail ?? none}
          </Fact>
        </Facts>
      </FileSection>

      <FileSection title={text.sections.bank} level={level} action={bankAction}>
        <BankAccount bankDetails={bankDetails} />
      </FileSection>

      <FileSection title={text.sections.family} level={level}>
        <Facts>
          <Fact label={text.fields.familyStatus}>{text.familyStatuses[family.familyStatus] ?? family.familyStatus}</Fact>
          <Fact label={text.family.children} wide>
            {family.children.length === 0 ? (
              text.family.noChildren
            ) : (
              <ul className="file-list">
                {family.children.map((child) => (
                  <li key={`${child.firstName}-${child.birthDate}`}>{text.family.child(child.firstName, date(child.birthDate))}</li>
                ))}
              </ul>
            )}
          </Fact>
        </Facts>
      </FileSection>

      <FileSection title={text.sections.career} level={level}>
        <Facts>
          <Fact label={text.career.grade}>{career.grade ? <span lang="fr">{career.grade}</span> : none}</Fact>
          <Fact label={text.career.echelon}>{career.echelon ?? none}</Fact>
          <Fact label={text.career.indexMajore}>{career.indexMajore ?? none}</Fact>
          <Fact label={text.career.assignments} wide>
            {career.assignments.length === 0 ? (
              none
            ) : (
              <ul className="file-list">
                {career.assignments.map((assignment) => (
                  <li key={`${assignment.startsOn}-${assignment.label}`}>
                    <span lang="fr">{assignment.label}</span> ({assignment.department}),{' '}
                    {assignment.endsOn ? text.career.between(date(assignment.startsOn), date(assignment.endsOn)) : text.career.from(date(assignment.startsOn))}
                  </li>
                ))}
              </ul>
            )}
          </Fact>
        </Facts>
      </FileSection>

      <FileSection title={text.sections.workingTime} level={level}>
        <Facts>
          <Fact label={text.workingTime.percent}>{text.workingTime.percentValue(workingTime.percent)}</Fact>
          <Fact label={text.workingTime.weekly}>{text.workingTime.weeklyValue(hours, minutes)}</Fact>
          <Fact label={text.workingTime.cycle}>
            <span lang="fr">{workingTime.cycle}</span>
          </Fact>
        </Facts>
      </FileSection>
    </>
  );
}

/** The account the pay goes to (IBAN masked), and the one replacing it from a coming pay run. */
export function BankAccount({ bankDetails }: { bankDetails: PersonalFileResponse['bankDetails'] }) {
  const { papers, locale } = useI18n();
  const text = papers.file.bank;
  return (
    <>
      {bankDetails?.iban ? (
        <>
          <Facts>
            <Fact label={text.iban}>
              <span className="file-iban">{bankDetails.iban}</span>
            </Fact>
            <Fact label={text.bic}>{bankDetails.bic}</Fact>
            <Fact label={text.since}>{formatDate(bankDetails.effectiveFrom, locale)}</Fact>
          </Facts>
          <p className="muted">{text.masked}</p>
        </>
      ) : (
        <p>{text.none}</p>
      )}
      {bankDetails?.upcoming ? <p className="file-upcoming">{text.upcoming(bankDetails.upcoming.iban, formatMonth(bankDetails.upcoming.effectiveFrom, locale))}</p> : null}
    </>
  );
}

function FileSection({ title, level, action, children }: { title: string; level: Level; action?: ReactNode; children: ReactNode }) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={id} className="file-section">
      <div className="section-heading">
        <Heading id={id}>{title}</Heading>
        {action}
      </div>
      {children}
    </section>
  );
}
