import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage, languageWarning } from './language.js';
import { data } from '../data/index.js';

// One news-like sentence per language the data names (stopwords.tsv, scripts.tsv).
const SAMPLES: Record<string, string> = {
  en: 'Officials said three people were killed in the air strike on the city, and that the army had sent more troops to the area.',
  fr: "Les autorités ont déclaré que trois personnes ont été tuées dans la frappe aérienne sur la ville, et que l'armée a envoyé des renforts dans la région.",
  es: 'Las autoridades dijeron que tres personas murieron en el ataque aéreo contra la ciudad y que el ejército envió más tropas a la zona.',
  de: 'Die Behörden sagten, dass bei dem Luftangriff auf die Stadt drei Menschen getötet wurden und die Armee weitere Truppen in das Gebiet geschickt hat.',
  it: "Le autorità hanno detto che tre persone sono state uccise nel raid aereo sulla città e che l'esercito ha inviato altre truppe nella zona.",
  pt: 'As autoridades disseram que três pessoas foram mortas no ataque aéreo contra a cidade e que o exército enviou mais tropas para a região.',
  nl: 'De autoriteiten zeiden dat er drie mensen zijn gedood bij de luchtaanval op de stad en dat het leger meer troepen naar het gebied heeft gestuurd.',
  tr: 'Yetkililer, şehre yönelik hava saldırısında üç kişinin öldüğünü ve ordunun bölgeye daha fazla asker gönderdiğini söyledi. Bu saldırı için bir açıklama da yapıldı.',
  id: 'Pejabat mengatakan bahwa tiga orang tewas dalam serangan udara di kota itu dan tentara telah mengirim lebih banyak pasukan ke daerah tersebut.',
  pl: 'Urzędnicy powiedzieli, że w nalocie na miasto zginęły trzy osoby i że wojsko wysłało do regionu więcej żołnierzy, które są już na miejscu.',
  sv: 'Myndigheterna sade att tre personer dödades i flyganfallet mot staden och att armén har skickat fler soldater till området.',
  ro: 'Oficialii au declarat că trei persoane au fost ucise în atacul aerian asupra orașului și că armata a trimis mai multe trupe în zonă.',
  sw: 'Maafisa walisema kwamba watu watatu waliuawa katika shambulio la anga katika mji huo na kwamba jeshi limetuma wanajeshi zaidi kwa eneo hilo.',
  ar: 'قال مسؤولون إن الغارة الجوية أسفرت عن مقتل ثلاثة أشخاص في المدينة',
  fa: 'مقامات ایران گفتند که حمله هوایی به کشته شدن سه نفر در شهر منجر شد',
  ur: 'حکام نے کہا کہ فضائی حملے میں تین افراد ہلاک ہوگئے',
  ps: 'په ښار کې درې کسان ووژل شول او ګڼ شمیر ټپیان شول',
  ku: 'بەرپرسان ڕایانگەیاند کە سێ کەس لە هێرشەکەدا کوژران',
  ru: 'Официальные лица заявили, что в результате авиаудара погибли три человека',
  kk: 'Ресми өкілдердің айтуынша, әуе соққысынан үш адам қаза тапты',
  be: 'Афіцыйныя асобы заявілі, што ў выніку авіяўдару загінулі тры чалавекі',
  uk: 'Посадовці заявили, що внаслідок авіаудару загинули троє людей у місті',
  mk: 'Претседателот Ѓорѓе рече дека ќе има нови напади врз градот',
  sr: 'Званичници су рекли да су у нападу погинуле три особе, њих и још људи',
  he: 'גורמים רשמיים אמרו כי שלושה בני אדם נהרגו בתקיפה האווירית',
  el: 'Αξιωματούχοι δήλωσαν ότι τρία άτομα σκοτώθηκαν στην αεροπορική επιδρομή',
  zh: '官员表示，空袭造成三人死亡。',
  ja: '当局者によると、空爆で3人が死亡した。',
  ko: '관리들은 공습으로 세 명이 사망했다고 밝혔다',
  hi: 'अधिकारियों ने कहा कि हवाई हमले में तीन लोग मारे गए',
  bn: 'কর্মকর্তারা বলেছেন বিমান হামলায় তিনজন নিহত হয়েছেন',
  pa: 'ਅਧਿਕਾਰੀਆਂ ਨੇ ਕਿਹਾ ਕਿ ਹਵਾਈ ਹਮਲੇ ਵਿੱਚ ਤਿੰਨ ਲੋਕ ਮਾਰੇ ਗਏ',
  ta: 'வான்வழித் தாக்குதலில் மூன்று பேர் கொல்லப்பட்டதாக அதிகாரிகள் தெரிவித்தனர்',
  si: 'ගුවන් ප්‍රහාරයෙන් තිදෙනෙකු මිය ගිය බව නිලධාරීන් පැවසීය',
  th: 'เจ้าหน้าที่กล่าวว่ามีผู้เสียชีวิตสามคนจากการโจมตีทางอากาศ',
  my: 'လေကြောင်းတိုက်ခိုက်မှုတွင် သုံးဦး သေဆုံးခဲ့သည်ဟု အရာရှိများက ပြောသည်',
  ka: 'ოფიციალურმა პირებმა განაცხადეს, რომ საჰაერო თავდასხმის შედეგად სამი ადამიანი დაიღუპა',
  hy: 'Պաշտոնյաները հայտնել են, որ օդային հարվածի հետևանքով երեք մարդ է զոհվել',
  am: 'ባለስልጣናት በአየር ጥቃቱ ሶስት ሰዎች መሞታቸውን ተናግረዋል',
  km: 'មន្ត្រីបាននិយាយថា មនុស្សបីនាក់បានស្លាប់ក្នុងការវាយប្រហារតាមអាកាស',
};

function dataLanguages(): string[] {
  const langs = data('normalise/stopwords.tsv').map((r) => r.lang);
  for (const { default: def, markers } of data('normalise/scripts.tsv')) {
    langs.push(def);
    for (const m of markers.split(' ').filter(Boolean)) langs.push(m.slice(0, m.indexOf(':')));
  }
  return langs;
}

test('every language in the data files is told from a sentence of it', () => {
  for (const lang of dataLanguages()) {
    assert.ok(SAMPLES[lang], `no sample sentence for ${lang}`);
    assert.equal(detectLanguage(SAMPLES[lang]).code, lang, SAMPLES[lang]);
  }
});

test('English with a quoted phrase in another script is still English', () => {
  const t = 'The banner read “الموت لأمريكا” as crowds gathered outside the embassy in Baghdad on Friday, police said.';
  assert.equal(detectLanguage(t).code, 'en');
});

test('a short headline without function words is taken as English; a long run of unknown words is undetermined', () => {
  assert.equal(detectLanguage('Israeli strikes hit Gaza').code, 'en');
  assert.equal(detectLanguage('Kalash Khyber Bajaur Mohmand Orakzai Kurram Waziristan Tank Bannu Lakki Marwat Dera Ismail Khan Swat Dir').code, 'und');
});

test('the warning names the language, and English gets none', () => {
  assert.equal(languageWarning('en'), null);
  assert.equal(languageWarning('ar'), 'language: ar, not English; extraction is tuned for English');
  assert.match(languageWarning('und')!, /could not be determined/);
});
