import type { ModelLanguage } from './model-language.js';

/**
 * Words that are evidence for a language: function words, chat shorthand
 * ("thx", "ff", "mn") and the banking words customers start with ("pas kwijt",
 * "card lost"). A word listed for several languages ("de", "pas", "in") counts
 * for each of them, split evenly. Spelling does not matter: entries and
 * messages are compared without diacritics. Loanwords that Dutch speakers use
 * every day are listed for Dutch too ("sorry", "merci"), so that a one-word
 * "merci" is not answered with "we only speak English and Dutch".
 */
export const languageLexicon: Readonly<Record<ModelLanguage, string>> = {
  en: `the a an and or but of to in on at for with from by about into over after before is are was were be been
being am do does did done have has had will would can could should shall may might must i me my mine you your
yours u ur he she it its we our they their them this that these those what which who whom whose why how when
where there here not no yes yeah yep nope please pls plz thanks thank thx ty tnx cheers hi hello hey hiya
morning evening afternoon sorry just still already also very much many more most some any all every only
again now today tomorrow yesterday new old get got make made need want like know think see send sent pay paid
find found help lost stolen card cards account money transfer payment fee fees charge charged loan mortgage
insurance claim balance statement statements login log blocked block withdraw withdrawal cash abroad refund
limit savings interest rate phone number address close open change cancel working work works doesnt dont cant
wont didnt isnt im ive whats hows wheres thats theres arrived arrive expired declined frozen anywhere wrong
right good great thing quick question keeps stuck twice why much long does wife son friend daughter husband
`,
  nl: `de het een en of maar van te in op aan voor met naar bij uit over door om tot als dan dat die dit deze wat
wie waar wanneer waarom hoe welke is zijn ben bent was waren wordt worden werd heb hebt heeft hebben had kan kun
kunt kunnen kon mag mogen moet moeten wil wilt willen zal zou zullen ga gaat gaan doe doet doen ik mij me mijn
mn zn jij je jou jouw jullie u uw hij zij ze wij we ons onze hun er hier daar niet geen wel ook nog al nu even
ff graag alsjeblieft alstublieft aub ajb bedankt dank dankje dankjewel thnx hoi hallo goedemorgen goedemiddag
goedenavond doei groetjes ja nee oke jawel nou hoor toch eens weer alweer helemaal kwijt gestolen pas pasje
pinpas bankpas betaalpas pinnen gepind pincode rekening rekeningen overboeking overmaken overgemaakt
afschrijving afgeschreven bijschrijving saldo rente lening hypotheek verzekering schade opzeggen kosten geld
betalen betaling betaald spaarrekening sparen rood aflossen limiet buitenland geblokkeerd blokkeren aanvragen
automaat geldautomaat afschrift afschriften jaaroverzicht belasting telefoon nieuwe nieuw vraag vraagje hulp
nodig werkt werken lukt gelukt storing inloggen verloren vergeten terug binnen ontvangen blijft verhuisd adres
opnemen keer twee drie vandaag morgen gisteren wnr kheb kben tis wss idd mss effe hoelang hoeveel waarom
dankuwel top prima duidelijk laat gevonden vriend vrouw man zoon dochter verkeerde verkeerd sorry merci
`,
  de: `der die das den dem des ein eine einen einem einer und oder aber ich mich mir mein meine meinen meiner du
dich dein sie ihr ihre ihnen wir uns unser er es ist sind bin bist war waren wird werden wurde habe hast hat
haben hatte kann kannst können konnte muss müssen will wollen möchte nicht kein keine keinen auch noch schon
nur sehr bitte danke dankeschön schön vielen guten tag morgen abend hallo tschüss wie was wo warum wann wer
welche mit von zu zum zur bei nach aus für über auf im in an am um ohne durch gegen karte konto geld
überweisung zahlung gebühren gebühr hilfe brauche verloren gestohlen gesperrt neue neuen spreche sprechen
deutsch niederländisch englisch angekommen abgelehnt schließen öffnen frage ja nein doch gut nun dank
`,
  fr: `le la les un une des du de et ou mais je me moi mon ma mes tu te toi ton ta tes il elle on nous vous ils
elles leur leurs est suis es sont ai as a avons avez ont été être avoir fait faire peux peut pouvez pouvons
veux voulez ne pas plus rien jamais que qui quoi quand comment pourquoi où quel quels quelle quelles ce cette
ces cest jai nai quil sur dans avec pour par chez sans sous bonjour bonsoir salut merci beaucoup sil plaît
svp oui non carte compte virement frais banque aide perdu bloquée bloqué nouvelle nouveau parle parler anglais
néerlandais arrivé question horaires ouverture fermer aider faire
`,
  es: `el la los las un una unos unas de del al y o pero yo me mi mis tu te ti su sus usted ustedes nosotros es
son soy está estoy están esta este estos fue ha he han hay tengo tiene puedo puede pueden quiero necesito no
sí si muy más que qué quién cómo como cuándo dónde por para con sin en hola gracias muchas buenos días buenas
tardes noches adiós tarjeta cuenta dinero transferencia pago comisión ayuda perdí perdido bloqueada nueva
nuevo hablo hablar inglés holandés llegado cerrar cuánto cuesta aplicación
`,
  it: `il lo la i gli le un uno una di da in con su per tra fra e o ma io mi mio mia miei tu ti tuo tua lui lei
noi ci voi loro è sono sei siamo ho hai ha abbiamo hanno posso può puoi voglio vorrei non più che chi come
quando dove perché ciao buongiorno buonasera grazie mille prego carta conto soldi bonifico pagamento aiuto
perso persa bloccata nuova nuovo parlo parlare inglese olandese chiudere bisogno
`,
  pt: `o a os as um uma uns umas de do da dos das no na nos nas em e ou mas eu me meu minha meus minhas tu você
vocês ele ela nós é são sou está estou estão tenho tem posso pode quero preciso não sim muito mais que quem
como quando onde porque por para com sem olá obrigado obrigada bom dia boa tarde noite cartão conta dinheiro
transferência pagamento ajuda perdi perdido bloqueado nova novo falo falar inglês holandês fechar
`,
  pl: `i w z na do od o a ale nie tak jak co kto gdzie kiedy dlaczego jest są jestem mam masz ma mogę może chcę
proszę dziękuję dzień dobry cześć karta kartę konto pieniądze przelew pomoc zgubiłem zgubiłam zamknąć mówię
po niderlandzku angielsku mój moja moje moją
`,
  tr: `ve veya ama bir bu şu ben sen o biz siz onlar benim senin merhaba teşekkür ederim teşekkürler lütfen evet
hayır nasıl ne neden nerede kart kartım kartımı hesap hesabım hesabımı para yardım kaybettim kapatabilirim
istiyorum var yok değil mi için ile
`,
};

/**
 * Words shared by every language a customer here writes in ("app", "iban",
 * "ok"): no evidence either way, so they are left out of both the word and the
 * character evidence.
 */
export const neutralWords = `app apps ok okay iban bic pin sms online apple google iphone android euro euros bank sepa
paypal tikkie whatsapp email mail wifi id atm pc lumen visa mastercard maestro face chat`;
