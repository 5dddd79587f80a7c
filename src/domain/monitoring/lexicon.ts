// The words and phrases the classifier listens for, written for how parents and neighbours in the
// UK talk about a school online. Each phrase is tokenised exactly as a mention is, so "I'll" and
// "Ill" are the same key, and compiled once into a trie keyed by token.
//
// The slur list is deliberately short and generic: a school extends it through its own review,
// and every hit is shown with its words to a person before anything is done.
import { phraseKeys } from './text.ts';

export const cues = [
  'praise',
  'criticism',
  'complaint',
  'matter',
  'event',
  'repeat',
  'sarcasm',
  'threat',
  'hate',
  'extremism',
  'bullying',
  'allegation',
  'impersonation',
  'photo',
  'pupils',
  'context',
  'place',
  'otherSchool',
  'negator',
  'hedge',
  'person',
  'staffWord',
  'title',
  'notThreat',
  'neutral',
] as const;
export type Cue = (typeof cues)[number];

const phrases: Readonly<Record<Cue, string>> = {
  praise: `thank you | thanks | thankyou | many thanks | huge thanks | big thanks | well done | so proud | proud | very proud
    | fantastic | amazing | brilliant | wonderful | great job | great work | great day | lovely | superb | outstanding
    | congratulations | congrats | shout out | kudos | grateful | credit to | a credit | best school | fabulous | excellent
    | incredible | delighted | happy | impressed | love this | loved | loves | love | stars | superstars | superstar
    | won | winners | winning | champions | award | awarded | celebrating | celebrate | bravo | hats off | go above and beyond
    | above and beyond | cannot thank | cant thank | couldnt ask for | couldnt be happier | highly recommend | recommend
    | caring | kind | supportive | fab | ace | smashed it | nailed it | killing it | killed it | top marks
    | picked for | selected for | chosen for | finalists | through to the final | came first | first place | medal
    | really nice | so nice | been great | so great | really great | great school | great teachers | great staff`,
  criticism: `shocking | disgrace | disgraceful | useless | appalling | awful | terrible | rubbish | a joke | joke | pathetic
    | incompetent | clueless | shambles | shambolic | fuming | furious | disgusted | disgusting | disappointed | disappointing
    | let down | let us down | unacceptable | ridiculous | worst | hopeless | not good enough | beyond a joke | fed up
    | sick of | sick and tired | angry | outrageous | diabolical | waste of | avoid | never again | absolute state
    | not fit for purpose | failing | failed | poor | dreadful | embarrassing | a mess | mess | chaos | chaotic
    | no communication | zero communication | lack of communication | do better | sort it out | woeful | laughable
    | couldnt care less | dont care | doesnt care | no idea | out of touch | power trip | jobsworth | clowns | circus
    | gone downhill | downhill | liar | liars | regret sending | regret choosing | pulled my | pulling my | take my kids out | worst decision`,
  complaint: `complaint | complaints | complained | complain | complaining | formal complaint | raised this | raised it
    | raised concerns | emailed | emailed them | phoned | no reply | no response | not replied | havent replied
    | hasnt replied | still waiting | chased | chasing | escalate | escalating | refund | refunded
    | not refunded | want answers | taking this further`,
  matter: `trip | trips | deposit | refund | fee | fees | charge | charged | uniform | detention | detentions | exclusion
    | excluded | suspended | isolation | sen | ehcp | senco | homework | lunch | lunches | dinners | school meals
    | parking | pick up | pickup | drop off | dropoff | after school club | breakfast club | wraparound | nativity | tickets
    | reports | report | sats | phonics | sports day | swimming | transport | bus | toilets | heating | classroom | class sizes
    | bullied | bullying | safeguarding | medication | allergy | injury | injured | accident | head lice | letter | newsletter
    | email | emails | app | payment | payments | term dates | inset | inset day | snow day | closure | closed | admissions
    | appeal | timetable | supply teacher | supply teachers`,
  event: `cancelled | canceled | cancelling | cancel | called off | postponed | closed | shut | last minute | no notice
    | one day notice | one days notice | short notice | excluded | refused | ignored | lost | forgot | forgotten | sent home
    | changed | moved | charged | no reply | left out`,
  repeat: `again | another | yet again | once again | as usual | every time | every single time | third time | second time`,
  sarcasm: `thanks for nothing | cheers for nothing | yeah right | as if | well done not | great job not | slow clap
    | what a surprise | no surprise | shock horror | who knew | bravo not | cheers for that | thanks a lot | nice one
    | only took | took long enough | took them long enough | about time`,
  threat: `kill | killing | ill kill | going to kill | gonna kill | kill him | kill her | kill them | burn down | burn it down
    | burn the place down | burn the school | torch | torch the | petrol bomb | bomb | shoot | shooting | stab | stabbing
    | smash his face | smash her face | smash his head | batter | batter him | batter her | sort him out | sort her out
    | sort them out | deal with him | deal with her | waiting for him outside | waiting for her outside | waiting for you outside
    | be waiting for him | be waiting for her | be waiting outside | watch your back | watch his back | watch her back | better watch | watch their backs | coming for you
    | coming for him | coming for her | knock his head off | knock her head off | punch his lights out | punch | glass him
    | find out where he lives | find out where she lives | know where you live | know where he lives | know where she lives
    | regret it | pay for this | hurt him | hurt her | make him suffer | make her suffer | do him in | end him | string him up
    | string them up | should be shot | hang them | hanged | lynch`,
  notThreat: `killing it | killed it | kill time | killing me | kill for | killer | bath bomb | photo shoot | shooting star
    | punch line | punchline | fruit punch | sort it out | sort out | kill me | kill myself
    | shoot out | shootout`,
  hate: `paki | pakis | pikey | pikeys | tranny | trannies | faggot | faggots | retard | retards | retarded | subhuman
    | sub human | vermin | go back to your own country | go back where you came from | go back to where you came from
    | send them back | send them all back | deport them | deport the lot | dirty immigrants | filthy immigrants | foreigners out
    | immigrants out | no blacks | whites only | white only | their kind | his kind | her kind | breeding like | infestation
    | groomer | groomers | slur1 | slur2 | slur3`,
  extremism: `heil hitler | sieg heil | white power | white pride world wide | great replacement | remigration | race war
    | blood and soil | 1488 | 14 words | fourteen words | join isis | islamic state | caliphate | jihad | mujahideen
    | national action | patriotic alternative | combat 18 | atomwaffen | hitler was right | hitler did nothing wrong
    | death to the | death to all | holy war | martyrdom | infidels | kafir | kuffar | ethnostate | rahowa | zog`,
  bullying: `fat | fatty | ugly | loser | losers | weirdo | freak | freaks | smelly | stinks | stinky | minger | mingers | lard
    | lardy | skank | slag | slut | thick | dumb | stupid kid | idiot | moron | cow | silly cow | snowflake | nobody likes
    | no one likes | noone likes | everyone hates | no friends | no mates | billy no mates | kill yourself | kys | kill urself | go die
    | neck yourself | should be ashamed of his face | look at the state of | the state of | what a state | face like
    | laughing stock | laugh at | laughing at | mock | mocking | waste of space | waste of oxygen | ugly mug | pig | little rat
    | rat | pathetic little | nasty little | horrible little | brat | spoilt brat | feral | dont invite | do not invite
    | leave her out | leave him out | dont play with | dont let your kids play with`,
  allegation: `hit my | hit him | hit her | hit our | hit a child | hit a pupil | hit children | hit kids | hits children
    | hits kids | hitting children | hitting kids | slapped | slaps | smacked | grabbed my | grabbed him | grabbed her
    | grabbed a | dragged my | dragged him | dragged her | pushed my | pushed him | pushed her | shoved | assaulted | assault
    | abused | abuse | abusive | covered up | cover up | covering up | cover-up | stole | stolen | stealing | theft | fraud
    | fiddling | fiddled | embezzled | embezzling | lied | lying to | liar | liars | drunk | drinking on the job
    | racist | racism | homophobic | sexist | groomed | grooming | paedo | paedos | pedo | paedophile | pedophile | nonce
    | inappropriate | inappropriately | harassed | harassing | harassment | bullied by | is a bully | bullying staff | bullying teachers | discriminated
    | discriminating | discrimination | negligent | negligence | neglect | falsified | fake results | cheated | cheating
    | off rolled | off rolling | offrolling | manhandled | locked him | locked her | restrained | shouted at | shouts at
    | shouting at | screamed at | screams at | swore at | swears at | humiliated | humiliating | threatened | sacked for
    | arrested | under investigation | suspended for | made him stand | made her stand | refused him the toilet
    | refused her the toilet | covered it up | hushed up | swept under the carpet | swept it under`,
  impersonation: `official account | official page | only official | our new account | new account | new page | moved accounts
    | moved to this account | follow our new | real account | fake account | fake page | fake profile | impersonating
    | impersonation | pretending to be | imposter | impostor | scam account | not our account | not affiliated | parody`,
  photo: `pic | pics | picture | pictures | photo | photos | photograph | photographs | video | videos | vid | vids
    | footage | snap | snaps | selfie | clip | clips | filmed | filming | recording | recorded | snapshot | pictured`,
  pupils: `kids | kiddies | children | child | pupils | pupil | students | class | classes | reception | nursery | team | squad
    | little ones | boys | girls | choir | cast | year group | the year | leavers | our son | our daughter | my son
    | my daughter | my boy | my girl | my little | our little | grandson | granddaughter | toddlers | infants | juniors
    | football team | netball team | rugby team | cricket team`,
  context: `school | schools | teacher | teachers | headteacher | new head | the head | deputy head | at the gates | head teacher | headmaster | headmistress | deputy
    | pupils | pupil | class | kids | children | parents | parent | staff | reception | nursery | playground | uniform
    | trip | sports day | nativity | assembly | ofsted | sats | homework | pta | governors | inset | open evening
    | parents evening | disco | fete | summer fair | christmas fair | school run | my son | my daughter | my boy | my girl
    | our son | our daughter | classroom | lessons | lesson | curriculum | senco | ehcp | lunchtime | dinner lady
    | dinner ladies | ta | tas | teaching assistant | after school | breakfast club | half term | easter holidays
    | leavers | prom | concert | spelling bee | football team | netball | choir | class teacher
    | detention | exclusion | excluded | safeguarding | attendance | school gates | admissions`,
  place: `road | rd | street | st | lane | ln | avenue | ave | close | drive | dr | way | crescent | park | estate | farm
    | house | court | surgery | medical | medical centre | health centre | garage | stores | store | shop | shops | pub | inn
    | arms | fc | united | rovers | athletic | cricket | golf | rugby | tennis | leisure | community centre | village hall
    | hall | village | town | council | parish | ward | church | chapel | woods | wood | common | green | hill | meadow | meadows | rise | grove | gardens | garden
    | garden centre | mews | place | terrace | industrial | business | retail | care home | nursing home | hotel | cafe
    | bakery | dental | dentist | vets | veterinary | allotments | station | bridge | roundabout | junction | homes`,
  otherSchool: `high | high school | academy | college | grammar | secondary | sixth form | university | uni | infant | infants
    | junior | juniors | prep | preparatory | nursery school | free school | grammar school | technical college | upper
    | middle | comprehensive | community school | special school | pru`,
  negator: `not | never | no | nothing | isnt | wasnt | arent | werent | dont | didnt | doesnt | cant | cannot | couldnt
    | wont | wouldnt | hardly | barely | nobody | without | less than | far from`,
  hedge: `allegedly | alleged | apparently | rumour | rumours | rumoured | i heard | heard that | ive heard | i think
    | i believe | might | maybe | perhaps | possibly | if | is it true | does anyone know | anyone know | supposedly
    | reportedly | unconfirmed | not sure | could be | would | in case`,
  person: `he | she | him | her | his | hers | you | your | youre | ur | u | they | them | that kid | that boy | that girl
    | that child | that teacher | that woman | that man | the new teacher | the kid | the boy | the girl | this kid
    | this boy | this girl | her son | her daughter | his son | his daughter | their kid | their son | their daughter`,
  staffWord: `teacher | teachers | head | headteacher | head teacher | headmaster | headmistress | deputy | deputy head
    | staff | ta | teaching assistant | senco | caretaker | dinner lady | office | governor | governors | the school
    | school | receptionist | coach | pe teacher | class teacher | supply teacher | leadership | slt`,
  neutral: `would love | love to know | love to see | would like | grace period | live in hope | in hope`,
  title: `mr | mrs | miss | ms | mx | dr | sir | madam | mister`,
};

export interface LexiconNode {
  cues: Cue[];
  next: Map<string, LexiconNode> | undefined;
}

function build(): Map<string, LexiconNode> {
  const root = new Map<string, LexiconNode>();
  for (const cue of cues) {
    for (const phrase of phrases[cue].split('|')) {
      const keys = phraseKeys(phrase.trim());
      if (keys.length === 0) continue;
      let level = root;
      let node: LexiconNode | undefined;
      for (const key of keys) {
        if (node) level = node.next ??= new Map<string, LexiconNode>();
        let child = level.get(key);
        if (!child) {
          child = { cues: [], next: undefined };
          level.set(key, child);
        }
        node = child;
      }
      if (node && !node.cues.includes(cue)) node.cues.push(cue);
    }
  }
  return root;
}

/** The lexicon, compiled once per process. */
export const lexicon: ReadonlyMap<string, LexiconNode> = build();

/** Single words with the given cue: used to look at the word after a name ("Oakfield Road"). */
export function singleWordCues(key: string): readonly Cue[] {
  return lexicon.get(key)?.cues ?? [];
}

/** Words common enough that a one-letter difference from a name is not a misspelling of it. */
export const commonWords: ReadonlySet<string> = new Set(
  [...lexicon.keys()].concat(
    `about after again against almost along already always among another anyone anything around asked because
    become before being below better between bring brought called came cannot chance change check class clear close
    could daily doing during early either every everyone family field fields final first found friend friends front
    giving going great green group happen happy having heard house however just know large later learn least leave
    little local looking lovely maybe might money month months morning mother never night nothing other others people
    place please point power quite really right round saying school seems several shall should since small sorry
    start still story students study such taken teach thank their there these thing things think those though three
    through today together tonight under until using water where which while whole words world would write wrong years
    young yours hello heads headed parks roads wooden woods oaks field lakes brook ridge mead weald fold`
      .split(/\s+/)
      .filter(Boolean),
  ),
);
