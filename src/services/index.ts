// Every service, built from the adapters in one place. Routes, jobs and commands receive these.
import { createAccessService } from './access.ts';
import { createAccountAdminService } from './account-admin.ts';
import { createAuditService } from './audit.ts';
import { createCommunityService } from './community.ts';
import { createConsentService } from './consent.ts';
import { createDeclarationsService } from './declarations.ts';
import { createDemoService } from './demo.ts';
import { createHealthService } from './health.ts';
import { createIncidentFiguresService } from './incident-figures.ts';
import { createIncidentRetentionService } from './incident-retention.ts';
import { createIncidentService } from './incidents.ts';
import { createInstallationService } from './installation.ts';
import { createLetterService } from './letters.ts';
import { createLinkService } from './links.ts';
import { createMonitoringService } from './monitoring.ts';
import { createOfficialAccountsService } from './official-accounts.ts';
import { createPolicyDocumentService } from './policy-documents.ts';
import { createPolicyService } from './policies.ts';
import { createRosterService } from './roster.ts';
import { createSchoolPolicyService } from './school-policy.ts';
import type { Adapters } from './ports.ts';
import { createSessionService } from './sessions.ts';
import { createSignOffService } from './sign-off.ts';
import { createSignOnService } from './sign-on.ts';

export function createServices(adapters: Adapters) {
  const letters = createLetterService(adapters);
  const consent = createConsentService(adapters);
  const incidents = createIncidentService(adapters, letters);
  const schoolPolicy = createSchoolPolicyService(adapters);
  const roster = createRosterService(adapters);
  return {
    access: createAccessService(adapters),
    accounts: createAccountAdminService(adapters),
    audit: createAuditService(adapters),
    clock: adapters.clock,
    community: createCommunityService(adapters, roster),
    consent,
    declarations: createDeclarationsService(adapters),
    demo: createDemoService(adapters),
    health: createHealthService(adapters),
    incidents,
    monitoring: createMonitoringService(adapters, incidents),
    incidentFigures: createIncidentFiguresService(adapters),
    incidentRetention: createIncidentRetentionService(adapters),
    installation: createInstallationService(adapters),
    letters,
    links: createLinkService(adapters),
    officialAccounts: createOfficialAccountsService(adapters),
    policies: createPolicyService(adapters.policyLibrary),
    policyDocuments: createPolicyDocumentService(adapters, schoolPolicy),
    roster,
    schoolPolicy,
    sessions: createSessionService(adapters),
    signOn: createSignOnService(adapters),
    signOff: createSignOffService(adapters),
  };
}

export type Services = ReturnType<typeof createServices>;
