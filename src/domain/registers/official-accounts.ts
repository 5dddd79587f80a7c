// The register of the school's official social media accounts and online services: what a member
// of staff asks for, the short risk assessment that goes with the request, and the outcome its
// answers lead to. The Headteacher approves or declines; approved accounts have their login kept
// in escrow, so the school never depends on one person remembering a password.

export const officialAccountStatuses = ['requested', 'approved', 'declined'] as const;
export type OfficialAccountStatus = (typeof officialAccountStatuses)[number];

export const statusNames: Readonly<Record<OfficialAccountStatus, string>> = {
  requested: 'Waiting for a decision',
  approved: 'Approved',
  declined: 'Declined',
};

export const platforms = {
  blog: 'Class or school blog',
  website: 'Website',
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X (Twitter)',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  linkedin: 'LinkedIn',
  other: 'Another platform or service',
} as const;
export type Platform = keyof typeof platforms;

export const audiences = {
  public: 'Anyone',
  parents: 'Parents and carers',
  pupils: 'Pupils',
  staff: 'Staff',
} as const;
export type Audience = keyof typeof audiences;

export const interactions = {
  one_way: 'One-way: the school posts, nobody replies or messages',
  two_way: 'Two-way: people can reply or send messages',
} as const;
export type Interaction = keyof typeof interactions;

/** One plain question of the risk assessment, with the answers it allows. */
export interface RiskQuestion {
  id: RiskQuestionId;
  question: string;
  hint?: string;
  answers: Readonly<Record<string, string>>;
}

export const riskQuestions = [
  {
    id: 'visibility',
    question: 'Who can see what is posted?',
    answers: {
      anyone: 'Anyone on the internet',
      approved: 'Only people the school approves, such as signed-in parents',
      staff_only: 'Only staff',
    },
  },
  {
    id: 'pupils',
    question: 'Could pupils be identified from what is posted?',
    hint: 'From their photographs, names, work or anything else posted about them.',
    answers: {
      never: 'No, pupils never appear',
      unnamed: 'Pupils may appear, but never with their names',
      named: 'Pupils may appear with their names',
    },
  },
  {
    id: 'moderation',
    question: 'Who moderates comments and messages?',
    answers: {
      none_possible: 'Nobody needs to: comments and messages are switched off',
      before: 'The manager checks each one before anyone else can see it',
      after: 'The manager checks them after they appear, every school day',
      nobody: 'Nobody checks them regularly',
    },
  },
  {
    id: 'hacked',
    question: 'What if the account is hacked or the manager leaves?',
    answers: {
      protected: 'Two-step sign-in is on, and the login is kept with the school',
      partly: 'Only one of those: two-step sign-in, or the login kept with the school',
      unprotected: 'Neither: only the manager could get back in',
    },
  },
  {
    id: 'contributors',
    question: 'Do pupils post or send messages themselves?',
    answers: {
      no: 'No, only staff post',
      checked: 'Yes, but staff check everything before it is published',
      directly: 'Yes, pupils publish directly',
    },
  },
] as const satisfies readonly { id: string; question: string; hint?: string; answers: Record<string, string> }[];

export type RiskQuestionId = 'visibility' | 'pupils' | 'moderation' | 'hacked' | 'contributors';

export interface RiskAnswers {
  visibility: keyof (typeof riskQuestions)[0]['answers'];
  pupils: keyof (typeof riskQuestions)[1]['answers'];
  moderation: keyof (typeof riskQuestions)[2]['answers'];
  hacked: keyof (typeof riskQuestions)[3]['answers'];
  contributors: keyof (typeof riskQuestions)[4]['answers'];
}

export const riskLevels = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof riskLevels)[number];

export const riskLevelNames: Readonly<Record<RiskLevel, string>> = { low: 'Low', medium: 'Medium', high: 'High' };

export interface RiskOutcome {
  level: RiskLevel;
  /** Why, in plain words, one sentence for each thing that raised the level. */
  reasons: string[];
}

/** The facts about the account that the outcome depends on besides the answers. */
export interface RiskContext {
  audience: Audience;
  commentsOn: boolean;
  interaction: Interaction;
}

/**
 * The outcome of a risk assessment: high when any answer is high, medium when any is medium,
 * low otherwise, with a reason for every answer that raised it.
 */
export function assessRisk(answers: RiskAnswers, context: RiskContext): RiskOutcome {
  const found: { level: Exclude<RiskLevel, 'low'>; reason: string }[] = [];
  const raise = (level: 'medium' | 'high', reason: string) => found.push({ level, reason });
  const open = answers.visibility === 'anyone';
  const talks = context.commentsOn || context.interaction === 'two_way';

  if (answers.pupils === 'named') {
    raise(
      open ? 'high' : 'medium',
      open ? 'Pupils could be named where anyone can see them.' : 'Pupils could be named in what is posted.',
    );
  } else if (answers.pupils === 'unnamed' && open) {
    raise('medium', 'Pupils may appear where anyone can see them: check photo consent before each post.');
  }
  if (talks && (answers.moderation === 'nobody' || answers.moderation === 'none_possible')) {
    raise('high', 'People can comment or send messages, but nobody checks them.');
  } else if (talks && answers.moderation === 'after' && open) {
    raise('medium', 'Comments from anyone appear before a member of staff has checked them.');
  }
  if (context.audience === 'pupils' && context.interaction === 'two_way') {
    raise('high', 'Staff and pupils could message each other through the account.');
  }
  if (answers.hacked === 'unprotected') {
    raise('high', 'If the account were taken over, or the manager left, the school could not get it back.');
  } else if (answers.hacked === 'partly') {
    raise('medium', 'The account lacks either two-step sign-in or a login kept with the school.');
  }
  if (answers.contributors === 'directly') {
    raise('high', 'Pupils publish without a member of staff checking first.');
  } else if (answers.contributors === 'checked') {
    raise('medium', 'Pupils contribute, so every post needs checking before it goes out.');
  }

  const level: RiskLevel = found.some((item) => item.level === 'high') ? 'high' : found.length > 0 ? 'medium' : 'low';
  return { level, reasons: found.map((item) => item.reason) };
}

/** What a member of staff asks for. */
export interface OfficialAccountRequest {
  platform: Platform;
  /** The handle, page name or web address. */
  address: string;
  purpose: string;
  audience: Audience;
  managerPersonId: string;
  commentsOn: boolean;
  interaction: Interaction;
  risk: RiskAnswers;
}

export interface OfficialAccount extends OfficialAccountRequest {
  id: string;
  schoolId: string;
  status: OfficialAccountStatus;
  outcome: RiskOutcome;
  requestedBy: string;
  requestedAt: Date;
  decidedBy?: string;
  decidedAt?: Date;
  /** YYYY-MM-DD, set on approval. */
  reviewDue?: string;
  declineReason?: string;
  /** When the login in escrow was last deposited; undefined when none has been. */
  loginUpdatedAt?: Date;
}

export const historyKinds = {
  requested: 'Requested',
  approved: 'Approved',
  declined: 'Declined',
  login_deposited: 'Login details deposited',
  login_replaced: 'Login details replaced',
  login_revealed: 'Login details revealed',
} as const;
export type HistoryKind = keyof typeof historyKinds;

export interface HistoryEvent {
  at: Date;
  kind: HistoryKind;
  actorPersonId: string;
  actorName?: string;
  note?: string;
}

/** The login of an account, as kept in escrow. Only `username` and `password` are needed. */
export interface AccountLogin {
  username: string;
  password: string;
  recoveryEmail: string;
  recoveryPhone: string;
  notes: string;
}

export const limits = { address: 300, purpose: 1000, reason: 1000, login: 500, notes: 2000 } as const;

export type Problems = Record<string, string>;

const isKey = <T extends object>(record: T, value: string): value is Extract<keyof T, string> =>
  Object.prototype.hasOwnProperty.call(record, value);

/** Reads a request from form fields (already trimmed strings): the request, or what to fix by field. */
export function readRequest(
  fields: Readonly<Record<string, string>>,
): { request: OfficialAccountRequest } | { problems: Problems } {
  const problems: Problems = {};
  const get = (name: string) => (fields[name] ?? '').trim();
  const platform = get('platform');
  if (!isKey(platforms, platform)) problems.platform = 'Select the platform or service';
  const address = get('address');
  if (!address) problems.address = 'Enter the handle, page name or web address';
  else if (address.length > limits.address)
    problems.address = `Keep the handle or address to ${limits.address} characters or fewer`;
  const purpose = get('purpose');
  if (!purpose) problems.purpose = 'Say what the account is for';
  else if (purpose.length > limits.purpose)
    problems.purpose = `Keep the purpose to ${limits.purpose} characters or fewer`;
  const audience = get('audience');
  if (!isKey(audiences, audience)) problems.audience = 'Select who the account is for';
  const managerPersonId = get('managerPersonId');
  if (!managerPersonId) problems.managerPersonId = 'Select the member of staff who will manage it';
  const comments = get('commentsOn');
  if (comments !== 'yes' && comments !== 'no') problems.commentsOn = 'Say whether comments will be on or off';
  const interaction = get('interaction');
  if (!isKey(interactions, interaction)) problems.interaction = 'Say whether the account is one-way or two-way';
  const risk: Record<string, string> = {};
  for (const question of riskQuestions) {
    const answer = get(`risk-${question.id}`);
    if (!isKey(question.answers, answer)) problems[`risk-${question.id}`] = `Answer “${question.question}”`;
    else risk[question.id] = answer;
  }
  if (comments === 'yes' && risk.moderation === 'none_possible') {
    problems['risk-moderation'] = 'You said comments will be on: say who will check them';
  }
  if (Object.keys(problems).length > 0) return { problems };
  return {
    request: {
      platform: platform as Platform,
      address,
      purpose,
      audience: audience as Audience,
      managerPersonId,
      commentsOn: comments === 'yes',
      interaction: interaction as Interaction,
      risk: risk as unknown as RiskAnswers,
    },
  };
}

/** Reads login details from form fields: the login, or what to fix by field. */
export function readLogin(fields: Readonly<Record<string, string>>): { login: AccountLogin } | { problems: Problems } {
  const problems: Problems = {};
  const username = (fields.username ?? '').trim();
  // A password is kept exactly as typed: spaces may be part of it.
  const password = fields.password ?? '';
  const recoveryEmail = (fields.recoveryEmail ?? '').trim();
  const recoveryPhone = (fields.recoveryPhone ?? '').trim();
  const notes = (fields.notes ?? '').trim();
  if (!username) problems.username = 'Enter the username or email address used to sign in';
  else if (username.length > limits.login)
    problems.username = `Keep the username to ${limits.login} characters or fewer`;
  if (!password) problems.password = 'Enter the password';
  else if (password.length > limits.login)
    problems.password = `Keep the password to ${limits.login} characters or fewer`;
  if (recoveryEmail.length > limits.login)
    problems.recoveryEmail = `Keep the recovery email to ${limits.login} characters or fewer`;
  else if (recoveryEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(recoveryEmail)) {
    problems.recoveryEmail = 'Enter the recovery email address in the right form, like name@example.org';
  }
  if (recoveryPhone.length > 40) problems.recoveryPhone = 'Keep the recovery phone number to 40 characters or fewer';
  if (notes.length > limits.notes) problems.notes = `Keep the notes to ${limits.notes} characters or fewer`;
  if (Object.keys(problems).length > 0) return { problems };
  return { login: { username, password, recoveryEmail, recoveryPhone, notes } };
}

/** The day one year after `day` (YYYY-MM-DD); 29 February becomes 28 February. */
export function aYearAfter(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year + 1, month - 1, date));
  if (next.getUTCMonth() !== month - 1) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}
