// The repositories, each bound once to the unit of work's transaction (and, for a school's, to
// its school). The port types in services/ports.ts check every factory's methods.
import type { Kysely } from 'kysely';
import type { CrossSchoolStore, SchoolStore } from '../../services/ports.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { accountsAcrossSchools, accountsInSchool } from './repositories/accounts.ts';
import { appSettingsAcrossSchools } from './repositories/app-settings.ts';
import { auditAcrossSchools, auditInSchool } from './repositories/audit.ts';
import { consentAcrossSchools, consentInSchool } from './repositories/consent.ts';
import { declarationsAcrossSchools, declarationsInSchool } from './repositories/declarations.ts';
import { incidentRetentionAcrossSchools, incidentRetentionInSchool } from './repositories/incident-retention.ts';
import { incidentsAcrossSchools, incidentsInSchool } from './repositories/incidents.ts';
import { letterTemplatesInSchool } from './repositories/letter-templates.ts';
import { linksAcrossSchools, linksInSchool } from './repositories/links.ts';
import { monitoringAcrossSchools, monitoringInSchool } from './repositories/monitoring.ts';
import {
  officialAccountsAcrossSchools,
  officialAccountsInSchool,
  sealedSecretsAcrossSchools,
} from './repositories/official-accounts.ts';
import { peopleInSchool } from './repositories/people.ts';
import { policyVersionsAcrossSchools, policyVersionsInSchool } from './repositories/policy-versions.ts';
import { pupilConsentLinksAcrossSchools, pupilConsentLinksInSchool } from './repositories/pupil-consent-links.ts';
import { publicationsInSchool } from './repositories/publications.ts';
import { pupilsInSchool } from './repositories/pupils.ts';
import { rosterInSchool } from './repositories/roster.ts';
import { schoolsAcrossSchools } from './repositories/schools.ts';
import { sessionsAcrossSchools, sessionsInSchool } from './repositories/sessions.ts';
import { signOffAcrossSchools, signOffInSchool } from './repositories/sign-off.ts';
import { signOnAcrossSchools, signOnInSchool } from './repositories/sign-on.ts';
import type { Tables } from './tables.ts';

export function schoolStore(db: Kysely<Tables>, schoolId: string): SchoolStore {
  return {
    publications: publicationsInSchool(db, schoolId),
    people: peopleInSchool(db, schoolId),
    pupils: pupilsInSchool(db, schoolId),
    roster: rosterInSchool(db, schoolId),
    accounts: accountsInSchool(db, schoolId),
    links: linksInSchool(db, schoolId),
    sessions: sessionsInSchool(db, schoolId),
    audit: { ...auditInSchool(db, schoolId), hashOf: sha256Hex },
    signOn: signOnInSchool(db, schoolId),
    policyVersions: policyVersionsInSchool(db, schoolId),
    signOff: signOffInSchool(db, schoolId),
    officialAccounts: officialAccountsInSchool(db, schoolId),
    consent: { ...consentInSchool(db, schoolId), ...pupilConsentLinksInSchool(db, schoolId) },
    declarations: declarationsInSchool(db, schoolId),
    incidents: { ...incidentsInSchool(db, schoolId), ...incidentRetentionInSchool(db, schoolId) },
    letterTemplates: letterTemplatesInSchool(db, schoolId),
    monitoring: monitoringInSchool(db, schoolId),
  };
}

export function crossSchoolStore(db: Kysely<Tables>): CrossSchoolStore {
  return {
    settings: appSettingsAcrossSchools(db),
    schools: schoolsAcrossSchools(db),
    accounts: accountsAcrossSchools(db),
    links: linksAcrossSchools(db),
    sessions: sessionsAcrossSchools(db),
    audit: auditAcrossSchools(db),
    signOn: signOnAcrossSchools(db),
    policyVersions: policyVersionsAcrossSchools(db),
    signOff: signOffAcrossSchools(db),
    officialAccounts: officialAccountsAcrossSchools(db),
    sealedSecrets: sealedSecretsAcrossSchools(db),
    consent: { ...consentAcrossSchools(db), ...pupilConsentLinksAcrossSchools(db) },
    declarations: declarationsAcrossSchools(db),
    incidents: { ...incidentsAcrossSchools(db), ...incidentRetentionAcrossSchools(db) },
    monitoring: monitoringAcrossSchools(db),
  };
}
