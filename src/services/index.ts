// Every service, built from the adapters in one place. Routes, jobs and commands receive these.
import { createCommunityService } from './community.ts';
import { createDemoService } from './demo.ts';
import { createHealthService } from './health.ts';
import { createInstallationService } from './installation.ts';
import { createPolicyService } from './policies.ts';
import { createRosterService } from './roster.ts';
import type { Adapters } from './ports.ts';

export function createServices(adapters: Adapters) {
  return {
    community: createCommunityService(adapters),
    demo: createDemoService(adapters),
    health: createHealthService(adapters),
    installation: createInstallationService(adapters),
    policies: createPolicyService(adapters.policyLibrary),
    roster: createRosterService(adapters),
  };
}

export type Services = ReturnType<typeof createServices>;
