/** Vocabulary for the generated article and packs: news prose, policy nouns, and CJK characters. */

/** Everyday words for filler prose (lower case). */
export const PROSE_WORDS: readonly string[] = (
  'the a an of to in on for with from by at as about after before over under between against during ' +
  'said says told according officials ministry government agency company companies firm market report ' +
  'week month year today yesterday earlier later recently meeting statement plan rule rules draft ' +
  'new major national local foreign domestic public private senior former current several many ' +
  'would could should must may will can has have had was were is are been being not also still ' +
  'analysts experts people users providers operators regulators lawmakers investors observers ' +
  'growing broader stricter clearer sweeping narrow limited technical legal political economic ' +
  'review approval guidance inspection notice measure framework requirement obligation penalty ' +
  'announced published issued released adopted proposed expanded tightened clarified delayed ' +
  'cross border network platform service system infrastructure network sector industry region ' +
  'province city capital press conference interview document version article clause section ' +
  'while however meanwhile instead although because since unless despite whether which that this ' +
  'these those their its his her they it we our more most less least first second third final ' +
  'key central important significant likely unlikely expected unexpected immediate gradual'
).split(/\s+/);

/** Domain nouns and modifiers that multi-word glossary terms are built from. */
export const TERM_WORDS: readonly string[] = (
  'data security privacy cyber network information critical infrastructure protection assessment ' +
  'export control certification standard committee bureau office commission administration ' +
  'cloud platform algorithm recommendation registry filing review clearance classification ' +
  'grading level scheme regime mechanism catalogue inventory audit compliance incident response ' +
  'emergency vulnerability disclosure encryption cryptography key management identity verification ' +
  'real name credit social governance sovereignty localisation transfer outbound inbound cross ' +
  'border personal sensitive important core state secret military civil fusion supply chain ' +
  'procurement operator provider gatekeeper content moderation rumour label watermark deep synthesis ' +
  'generative model training corpus dataset source code open satellite spectrum telecom backbone ' +
  'gateway firewall filtering routing domain name resolution address allocation quantum chip ' +
  'semiconductor lithography foundry design tool industrial internet vehicle mapping geographic ' +
  'surveying biometric facial genetic health financial payment banking insurance securities ' +
  'exchange settlement ledger token currency digital yuan pilot zone free trade special economic ' +
  'development innovation talent program fund subsidy tax incentive blacklist entity unreliable ' +
  'countermeasure sanction retaliation investigation antitrust merger platform economy'
)
  .split(/\s+/)
  .filter((w, i, all) => all.indexOf(w) === i);

/** Common CJK characters for Chinese prose and CJK glossary forms. */
export const CJK_CHARS: readonly string[] = Array.from(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严',
);

/** Given names and places that make the prose read like news. */
export const NAMES: readonly string[] = [
  'Beijing',
  'Shanghai',
  'Shenzhen',
  'Hangzhou',
  'Brussels',
  'Washington',
  'Geneva',
  'Singapore',
  'Li Wei',
  'Zhang Min',
  'Chen Jie',
  'Wang Fang',
  'Maria Costa',
  'John Hale',
];

/** Section headings for the generated article. */
export const HEADINGS: readonly string[] = [
  'Background',
  'What the rules say',
  'Reaction from industry',
  'Enforcement so far',
  'International response',
  'What comes next',
  'Analysis',
  'Timeline',
  'Key provisions',
  'Open questions',
];
