// Every migration, in order. Add new ones at the end; never rename or edit one that has shipped.
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as appSetting from './0001-app-setting.ts';
import * as community from './0002-community.ts';
import * as auditLog from './0003-audit-log.ts';
import * as accounts from './0004-accounts.ts';
import * as links from './0005-links.ts';
import * as signOn from './0006-sign-on.ts';
import * as rowLevelSecurity from './0007-row-level-security.ts';
import * as policyVersions from './0008-policy-versions.ts';
import * as signOff from './0009-sign-off.ts';
import * as policyReviewReminders from './0010-policy-review-reminders.ts';
import * as declarations from './0011-declarations.ts';
import * as officialAccounts from './0012-official-accounts.ts';
import * as consent from './0013-consent.ts';
import * as incidents from './0014-incidents.ts';
import * as letterTemplates from './0015-letter-templates.ts';
import * as pupilConsentLinks from './0016-pupil-consent-links.ts';
import * as incidentRetention from './0017-incident-retention.ts';
import * as monitoring from './0018-monitoring.ts';

export const migrations: Readonly<Record<string, Migration>> = {
  '0001-app-setting': appSetting,
  '0002-community': community,
  '0003-audit-log': auditLog,
  '0004-accounts': accounts,
  '0005-links': links,
  '0006-sign-on': signOn,
  '0007-row-level-security': rowLevelSecurity,
  '0008-policy-versions': policyVersions,
  '0009-sign-off': signOff,
  '0010-policy-review-reminders': policyReviewReminders,
  '0011-declarations': declarations,
  '0012-official-accounts': officialAccounts,
  '0013-consent': consent,
  '0014-incidents': incidents,
  '0015-letter-templates': letterTemplates,
  '0016-pupil-consent-links': pupilConsentLinks,
  '0017-incident-retention': incidentRetention,
  '0018-monitoring': monitoring,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
