// A small policy that exercises every part of the format, written for the engine's tests.
import { parsePolicy, type Policy } from '../../../src/domain/policy/index.ts';

export const fixtureYaml = `
slug: oakfield
title: Oakfield social media policy
issuedTo: [Oakfield Primary]
status: published
version: '2.1'
audiences: [staff, parent, pupil]
sections:
  - { id: A, heading: Staff }
  - { id: B, heading: Parents }
rules:
  - id: A1
    section: A
    topic: staff-pupil-contact
    audience: [staff]
    modality: must_not
    summary: No friendships with pupils.
    when: { act: [friend_request_send, friend_request_accept], counterpart.role: pupil }
    unless:
      - id: family
        summary: An approved family link.
        when: { counterpart.relationship: family }
        requires: [relationship_approved]
    consequences:
      - { action: decline_request, owner: actor, when: { act: friend_request_accept } }
      - { action: notify_dsl, owner: actor, deadline: P1D }
  - id: A2
    section: A
    topic: staff-parent-contact
    audience: [staff]
    modality: should_not
    summary: Better not to befriend parents.
    when: { act: friend_request_accept, counterpart.role: parent }
    consequences:
      - { action: notify_headteacher, owner: actor }
  - id: A3
    section: A
    topic: official-account-approval
    audience: [staff]
    modality: must
    summary: Accounts need approval and the login details.
    when: { act: create_account }
    requires: [headteacher_approval, credentials_shared]
  - id: A4
    section: A
    topic: staff-identify-as-employee
    audience: [staff]
    modality: may
    summary: You may name the school on LinkedIn.
    when: { act: identify_as_employee, context.platform: linkedin }
  - id: A5
    section: A
    topic: staff-privacy-settings
    audience: [staff]
    modality: should
    summary: Guidance only.
  - id: A6
    section: A
    topic: staff-confidentiality
    audience: [staff]
    bindsFormerStaff: true
    modality: must
    summary: Keep school matters confidential, even after leaving.
    when: { act: post, content.labels: [confidential] }
  - id: B1
    section: B
    topic: parent-images-of-other-children
    audience: [parent]
    modality: must_not
    summary: No photos of other children.
    when: { act: post, content.images: { some: { of: other_pupils, consent: { not: true } } } }
procedures:
  - id: P1
    title: Parents' posts
    trigger: { breachOf: [B1] }
    steps:
      - { action: request_removal, owner: headteacher }
      - { action: notify_dsl, owner: headteacher, optional: true }
      - { action: seek_legal_advice, owner: headteacher, if: the parent refuses }
  - id: P2
    title: Any contact with pupils
    trigger: { breachOf: [A1], when: { counterpart.age: { below: 13 } } }
    steps:
      - { action: notify_dsl, owner: headteacher, optional: true }
      - { action: notify_parents_of_pupil, owner: dsl }
  - id: P4
    title: A pupil's request to an adult
    trigger: { when: { actor.role: pupil, act: friend_request_send } }
    steps:
      - { action: decline_request, owner: counterpart }
  - id: P3
    title: Threats
    trigger: { when: { content.labels: [threat_of_violence] } }
    steps:
      - { action: contact_police, owner: headteacher, optional: true }
      - { action: request_removal, owner: headteacher, optional: true }
`;

export function fixturePolicy(): Policy {
  const parsed = parsePolicy(fixtureYaml);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.policy;
}
