// The repositories, bound to a database handle or to a transaction, as services see them.
import type { Kysely } from 'kysely';
import type { Store } from '../../services/ports.ts';
import {
  addPolicyVersion,
  addRatification,
  claimReviewReminder,
  discardDraft,
  dueForReview,
  findPolicyVersion,
  movePolicyVersion,
  policyVersionByNumber,
  policyVersionInHand,
  policyVersionsOf,
  publishedPolicyVersion,
  ratificationsOf,
  releaseReviewReminder,
  saveDraftText,
} from './repositories/policy-versions.ts';
import { findSetting, saveSetting } from './repositories/app-settings.ts';
import { appendAuditEntry, auditedSchools, listAuditEntries, readAuditChain } from './repositories/audit.ts';
import {
  markPupilsLeft,
  pupilIdsByMisId,
  upsertCarerLinks,
  upsertPeopleWithRole,
  upsertPupils,
} from './repositories/roster.ts';
import { addPeople, findPerson, findPersonByMisId, listPeople, updatePerson } from './repositories/people.ts';
import {
  addPupils,
  carersOf,
  childrenOf,
  findPupil,
  linkCarers,
  listPupils,
  listWithAdults,
} from './repositories/pupils.ts';
import {
  addOrganisation,
  addSchool,
  countSchools,
  findSchoolById,
  findSchoolBySlug,
  findSchoolByUrn,
  schoolsOf,
} from './repositories/schools.ts';
import {
  acceptTotpStep,
  accountHolders,
  accountOfPerson,
  addAccount,
  changeAccount,
  findAccount,
  findAccountByEmail,
  listAccounts,
  replaceRecoveryCodes,
  unusedRecoveryCodes,
  useRecoveryCode,
} from './repositories/accounts.ts';
import {
  destroySession,
  destroySessionsOf,
  findSession,
  purgeExpiredSessions,
  saveSession,
  sessionsOf,
} from './repositories/sessions.ts';
import { createLink, findLink, useLink } from './repositories/links.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { findSignOn, findSignOnByDomain, removeSignOn, saveSignOn } from './repositories/sign-on.ts';
import {
  addAnswer,
  addLink,
  answersOf,
  answerTo,
  audienceOf,
  campaignsOf,
  closeCampaign,
  claimFirstEmails,
  dueForReminder,
  findByToken,
  findCampaign,
  markSent,
  openFor,
  recipientsOf,
  startCampaign,
  unmarkSent,
} from './repositories/sign-off.ts';
import type { Tables } from './tables.ts';

export function storeFor(db: Kysely<Tables>): Store {
  return {
    settings: {
      find: (key) => findSetting(db, key),
      save: (key, value, at) => saveSetting(db, key, value, at),
    },
    roster: {
      upsertPupils: (schoolId, pupils) => upsertPupils(db, schoolId, pupils),
      markPupilsLeft: (schoolId, stillHere, day) => markPupilsLeft(db, schoolId, stillHere, day),
      pupilIdsByMisId: (schoolId) => pupilIdsByMisId(db, schoolId),
      upsertPeopleWithRole: (schoolId, people) => upsertPeopleWithRole(db, schoolId, people),
      upsertCarerLinks: (schoolId, links) => upsertCarerLinks(db, schoolId, links),
    },
    schools: {
      addOrganisation: (organisation) => addOrganisation(db, organisation),
      addSchool: (organisationId, school) => addSchool(db, organisationId, school),
      findBySlug: (slug) => findSchoolBySlug(db, slug),
      findById: (id) => findSchoolById(db, id),
      findByUrn: (urn) => findSchoolByUrn(db, urn),
      count: () => countSchools(db),
      ofOrganisation: (organisationId) => schoolsOf(db, organisationId),
    },
    people: {
      add: (schoolId, people) => addPeople(db, schoolId, people),
      find: (schoolId, id) => findPerson(db, schoolId, id),
      findByMisId: (schoolId, misId) => findPersonByMisId(db, schoolId, misId),
      list: (schoolId, query) => listPeople(db, schoolId, query),
      update: (schoolId, id, person, roles) => updatePerson(db, schoolId, id, person, roles),
    },
    pupils: {
      add: (schoolId, pupils) => addPupils(db, schoolId, pupils),
      find: (schoolId, id) => findPupil(db, schoolId, id),
      list: (schoolId, query) => listPupils(db, schoolId, query),
      linkCarers: (schoolId, links) => linkCarers(db, schoolId, links),
      carersOf: (schoolId, pupilId) => carersOf(db, schoolId, pupilId),
      childrenOf: (schoolId, carerId) => childrenOf(db, schoolId, carerId),
      listWithAdults: (schoolId, query) => listWithAdults(db, schoolId, query),
    },
    accounts: {
      add: (schoolId, account) => addAccount(db, schoolId, account),
      findByEmail: (email) => findAccountByEmail(db, email),
      find: (schoolId, id) => findAccount(db, schoolId, id),
      ofPerson: (schoolId, personId) => accountOfPerson(db, schoolId, personId),
      holders: (schoolId) => accountHolders(db, schoolId),
      change: (schoolId, id, change, at) => changeAccount(db, schoolId, id, change, at),
      acceptTotpStep: (schoolId, id, step) => acceptTotpStep(db, schoolId, id, step),
      replaceRecoveryCodes: (schoolId, id, hashes) => replaceRecoveryCodes(db, schoolId, id, hashes),
      useRecoveryCode: (schoolId, id, hash, at) => useRecoveryCode(db, schoolId, id, hash, at),
      unusedRecoveryCodes: (schoolId, id) => unusedRecoveryCodes(db, schoolId, id),
      list: (schoolId, page) => listAccounts(db, schoolId, page),
    },
    policyVersions: {
      add: (schoolId, version) => addPolicyVersion(db, schoolId, version),
      find: (schoolId, id) => findPolicyVersion(db, schoolId, id),
      byNumber: (schoolId, number) => policyVersionByNumber(db, schoolId, number),
      all: (schoolId) => policyVersionsOf(db, schoolId),
      inHand: (schoolId) => policyVersionInHand(db, schoolId),
      published: (schoolId) => publishedPolicyVersion(db, schoolId),
      saveDraft: (schoolId, id, draft) => saveDraftText(db, schoolId, id, draft),
      move: (schoolId, id, from, to, stamps) => movePolicyVersion(db, schoolId, id, from, to, stamps),
      discard: (schoolId, id) => discardDraft(db, schoolId, id),
      ratify: (schoolId, ratification) => addRatification(db, schoolId, ratification),
      ratifications: (schoolId, versionIds) => ratificationsOf(db, schoolId, versionIds),
      dueForReview: (from, until) => dueForReview(db, from, until),
      claimReminder: (schoolId, versionId, kind, at) => claimReviewReminder(db, schoolId, versionId, kind, at),
      releaseReminder: (schoolId, versionId, kind) => releaseReviewReminder(db, schoolId, versionId, kind),
    },
    signOn: {
      find: (schoolId) => findSignOn(db, schoolId),
      findByDomain: (domain) => findSignOnByDomain(db, domain),
      save: (stored, at) => saveSignOn(db, stored, at),
      remove: (schoolId) => removeSignOn(db, schoolId),
    },
    sessions: {
      find: (idHash) => findSession(db, idHash),
      save: (idHash, session) => saveSession(db, idHash, session),
      destroy: (idHash) => destroySession(db, idHash),
      destroyAllOf: (schoolId, accountId) => destroySessionsOf(db, schoolId, accountId),
      countOf: (schoolId, accountId) => sessionsOf(db, schoolId, accountId),
      purgeExpired: (now) => purgeExpiredSessions(db, now),
    },
    audit: {
      append: (entry) => appendAuditEntry(db, entry),
      list: (schoolId, query) => listAuditEntries(db, schoolId, query),
      readChain: (schoolId, read) => readAuditChain(db, schoolId, read),
      schools: () => auditedSchools(db),
      hashOf: sha256Hex,
    },
    links: {
      create: (link) => createLink(db, link),
      find: (token, purpose) => findLink(db, token, purpose),
      use: (token, purpose, at) => useLink(db, token, purpose, at),
    },
    signOff: {
      audience: (schoolId, audience) => audienceOf(db, schoolId, audience),
      start: (schoolId, campaign) => startCampaign(db, schoolId, campaign),
      close: (schoolId, id, at) => closeCampaign(db, schoolId, id, at),
      campaigns: (schoolId) => campaignsOf(db, schoolId),
      campaign: (schoolId, id) => findCampaign(db, schoolId, id),
      recipients: (schoolId, campaignId) => recipientsOf(db, schoolId, campaignId),
      addLink: (schoolId, recipientId, at) => addLink(db, schoolId, recipientId, at),
      findByToken: (token) => findByToken(db, token),
      markSent: (schoolId, recipientId, which, at) => markSent(db, schoolId, recipientId, which, at),
      unmarkSent: (schoolId, recipientId, which) => unmarkSent(db, schoolId, recipientId, which),
      claimFirstEmails: (at, limit, skip) => claimFirstEmails(db, at, limit, skip),
      dueForReminder: (now, days) => dueForReminder(db, now, days),
      openFor: (schoolId, personId) => openFor(db, schoolId, personId),
      answer: (schoolId, answer) => addAnswer(db, schoolId, answer),
      answerTo: (schoolId, recipientId) => answerTo(db, schoolId, recipientId),
      answersOf: (schoolId, personId) => answersOf(db, schoolId, personId),
    },
  };
}
