import type { ModelLanguage } from './model-language.js';

/**
 * Training text for the character trigram profiles: everyday and banking
 * sentences as customers write them. Written for this purpose and kept apart
 * from language-corpus.jsonl, which measures the detector; do not copy corpus
 * messages in here, or the measured accuracy means nothing.
 */
export const languageSamples: Readonly<Record<ModelLanguage, string>> = {
  en: `Hello, I would like to know why my payment was refused yesterday evening. I tried to pay at the petrol
station and the machine said the transaction was declined. There is enough money in my account, so I do not
understand what happened. Could you check this for me? Also, I am going on holiday to Canada next week and I
want to make sure that my debit card will work there. How much do you charge for taking out cash in another
country? My daughter has just started university and she needs her own account. What do we have to bring to
open one for her? Thank you for your quick answer, that was really helpful. I have another question about the
letter you sent me last month: it says my monthly fee is going up, but I thought it was included in my
package. Where can I see which charges apply to me? I think somebody tried to log in with my details, because
I received a strange message this morning. Please tell me what I should do now. Good afternoon, I changed my
phone and the banking app does not open anymore. It keeps asking for a code that I never got. What is the
quickest way to get everything working again? Is it possible to send money to my brother in Australia, and
how long will it take before he receives it? Cheers, have a nice weekend. Hi there, quick question: my card got
blocked after I typed the wrong PIN three times. Can you unblock it or do I need a new one? I'm trying to
set up a standing order for my rent but the app keeps saying something went wrong. Is there a problem on
your side right now? My husband and I would like to open a joint savings account for our children. What are
the options and is there a minimum amount? I moved to a new flat last month and forgot to update my address,
so my statement went to the old place. Could you also tell me what the current interest rate is on the flexible
savings account? I paid for a hotel online and the money left my account, but the hotel says they never got
it. Who should I contact about that? Thanks so much, you've been very helpful. I got a text saying my account
will be closed unless I click a link, which looks dodgy to me. I'm self-employed and want to borrow some money
for a new van; what kind of loan would suit me and what would the monthly payments be? Sorry to bother you
again, but the refund still hasn't shown up. Where would I find my card details if I want to pay online?`,
  nl: `Goedemiddag, ik wil graag weten waarom mijn betaling gisteravond is geweigerd. Ik probeerde te betalen
bij het tankstation en het apparaat gaf aan dat de transactie niet gelukt was. Er staat genoeg geld op mijn
rekening, dus ik begrijp niet wat er is gebeurd. Kunnen jullie dit voor mij nakijken? Volgende week ga ik op
vakantie naar Canada en ik wil zeker weten dat mijn betaalpas daar werkt. Hoeveel kost het om in een ander
land geld op te nemen? Mijn dochter is net begonnen met studeren en zij heeft een eigen rekening nodig. Wat
moeten we meenemen om die voor haar te openen? Bedankt voor het snelle antwoord, daar heb ik echt wat aan.
Ik heb nog een vraag over de brief die jullie vorige maand stuurden: daarin staat dat mijn maandelijkse
kosten omhoog gaan, maar ik dacht dat dat bij mijn pakket hoorde. Waar kan ik zien welke kosten voor mij
gelden? Ik denk dat iemand heeft geprobeerd met mijn gegevens in te loggen, want vanochtend kreeg ik een
vreemd bericht. Wat moet ik nu doen? Hoi, ik heb een nieuwe telefoon en de bankapp gaat niet meer open. Hij
blijft om een code vragen die ik nooit heb gekregen. Wat is de snelste manier om alles weer werkend te
krijgen? Is het mogelijk om geld naar mijn broer in Australië te sturen, en hoe lang duurt het voordat hij
het ontvangt? Groetjes en een fijn weekend. Mijn pinpas is kapot, kunnen jullie een nieuwe sturen? Ik heb
per ongeluk twee keer betaald en wil het geld terug. Zijn de rentes op sparen dit jaar nog veranderd? Hallo, even een vraagje: mijn pas is
geblokkeerd nadat ik drie keer de verkeerde pincode had ingetoetst. Kunnen jullie hem deblokkeren of heb ik
een nieuwe nodig? Ik probeer een vaste overboeking voor de huur in te stellen maar de app zegt steeds dat er
iets mis is gegaan. Is er op dit moment een probleem bij jullie? Mijn man en ik willen een gezamenlijke
spaarrekening openen voor onze kinderen. Welke mogelijkheden zijn er en moet er een minimumbedrag op? Ik ben
vorige maand naar een nieuw appartement verhuisd en vergat mijn adres aan te passen, dus mijn afschrift ging
naar het oude adres. Kunnen jullie ook zeggen wat de rente nu is op de flexibele spaarrekening? Ik heb online
een hotel betaald en het geld is van mijn rekening af, maar het hotel zegt dat ze niets hebben ontvangen. Bij
wie moet ik daarvoor zijn? Heel erg bedankt, jullie hebben me goed geholpen. Ik kreeg een sms dat mijn rekening
wordt opgeheven als ik niet op een link klik, dat lijkt me niet te vertrouwen. Ik ben zzp'er en wil geld
lenen voor een nieuw busje; welke lening past bij mij en wat zijn dan de maandlasten? Sorry dat ik weer stoor,
maar de terugbetaling staat er nog steeds niet op. Waar vind ik mijn kaartgegevens als ik online wil betalen?
Ff checken: klopt het dat mn spaargeld veilig is? Kun je me ook vertellen hoe ik mijn limiet verlaag?`,
  de: `Guten Tag, ich möchte gerne wissen, warum meine Zahlung gestern Abend abgelehnt wurde. Ich wollte an
der Tankstelle bezahlen und das Gerät zeigte an, dass die Transaktion nicht möglich war. Auf meinem Konto ist
genug Geld, deshalb verstehe ich nicht, was passiert ist. Können Sie das bitte für mich prüfen? Nächste Woche
fahre ich in den Urlaub nach Kanada und ich möchte sicher sein, dass meine Bankkarte dort funktioniert. Wie
viel kostet es, im Ausland Geld abzuheben? Meine Tochter hat gerade mit dem Studium angefangen und braucht ein
eigenes Konto. Vielen Dank für die schnelle Antwort, das hat mir sehr geholfen. Ich glaube, jemand hat
versucht, sich mit meinen Daten anzumelden, weil ich heute Morgen eine seltsame Nachricht bekommen habe. Was
soll ich jetzt tun? Ich habe ein neues Handy und die App öffnet sich nicht mehr. Schöne Grüße und ein schönes
Wochenende.`,
  fr: `Bonjour, je voudrais savoir pourquoi mon paiement a été refusé hier soir. J'ai essayé de payer à la
station-service et l'appareil a indiqué que la transaction n'était pas possible. Il y a assez d'argent sur mon
compte, donc je ne comprends pas ce qui s'est passé. Pouvez-vous vérifier cela pour moi ? La semaine prochaine,
je pars en vacances au Canada et je veux être sûr que ma carte bancaire fonctionnera là-bas. Combien coûte un
retrait d'argent à l'étranger ? Ma fille vient de commencer ses études et elle a besoin de son propre compte.
Merci pour votre réponse rapide, cela m'a beaucoup aidé. Je pense que quelqu'un a essayé de se connecter avec
mes données, parce que j'ai reçu un message étrange ce matin. Qu'est-ce que je dois faire maintenant ? J'ai un
nouveau téléphone et l'application ne s'ouvre plus. Bonne journée et bon week-end.`,
  es: `Hola, quisiera saber por qué mi pago fue rechazado ayer por la noche. Intenté pagar en la gasolinera y
la máquina dijo que la operación no era posible. Hay suficiente dinero en mi cuenta, así que no entiendo qué
ha pasado. ¿Pueden revisarlo, por favor? La semana que viene me voy de vacaciones a Canadá y quiero estar
seguro de que mi tarjeta funcionará allí. ¿Cuánto cuesta sacar dinero en el extranjero? Mi hija acaba de
empezar la universidad y necesita su propia cuenta. Gracias por la respuesta tan rápida, me ha ayudado mucho.
Creo que alguien intentó entrar con mis datos, porque esta mañana recibí un mensaje extraño. ¿Qué tengo que
hacer ahora? Tengo un teléfono nuevo y la aplicación ya no se abre. Saludos y buen fin de semana.`,
  it: `Buongiorno, vorrei sapere perché il mio pagamento è stato rifiutato ieri sera. Ho provato a pagare al
distributore e la macchina ha detto che l'operazione non era possibile. Sul mio conto ci sono abbastanza
soldi, quindi non capisco cosa sia successo. Potete controllare per favore? La settimana prossima vado in
vacanza in Canada e voglio essere sicuro che la mia carta funzioni lì. Quanto costa prelevare contanti
all'estero? Mia figlia ha appena iniziato l'università e ha bisogno di un conto tutto suo. Grazie per la
risposta veloce, mi è stata molto utile. Credo che qualcuno abbia provato ad accedere con i miei dati, perché
stamattina ho ricevuto un messaggio strano. Che cosa devo fare adesso? Ho un telefono nuovo e l'applicazione
non si apre più. Saluti e buon fine settimana.`,
  pt: `Olá, gostaria de saber porque o meu pagamento foi recusado ontem à noite. Tentei pagar na bomba de
gasolina e a máquina disse que a operação não era possível. Tenho dinheiro suficiente na minha conta, por
isso não percebo o que aconteceu. Podem verificar, por favor? Na próxima semana vou de férias para o Canadá e
quero ter a certeza de que o meu cartão vai funcionar lá. Quanto custa levantar dinheiro no estrangeiro? A
minha filha começou agora a universidade e precisa de uma conta própria. Obrigado pela resposta rápida,
ajudou-me muito. Acho que alguém tentou entrar com os meus dados, porque esta manhã recebi uma mensagem
estranha. O que devo fazer agora? Tenho um telemóvel novo e a aplicação já não abre. Cumprimentos e bom fim
de semana.`,
  pl: `Dzień dobry, chciałbym wiedzieć, dlaczego moja płatność została wczoraj wieczorem odrzucona. Próbowałem
zapłacić na stacji benzynowej, a terminal pokazał, że transakcja nie jest możliwa. Na moim koncie jest
wystarczająco pieniędzy, więc nie rozumiem, co się stało. Czy mogą Państwo to sprawdzić? W przyszłym tygodniu
jadę na wakacje do Kanady i chcę mieć pewność, że moja karta będzie tam działać. Ile kosztuje wypłata gotówki
za granicą? Moja córka właśnie zaczęła studia i potrzebuje własnego konta. Dziękuję za szybką odpowiedź,
bardzo mi pomogła. Myślę, że ktoś próbował zalogować się moimi danymi, bo dziś rano dostałem dziwną
wiadomość. Co mam teraz zrobić? Mam nowy telefon i aplikacja już się nie otwiera. Pozdrawiam i życzę miłego
weekendu.`,
  tr: `Merhaba, ödememin dün akşam neden reddedildiğini öğrenmek istiyorum. Benzin istasyonunda ödeme yapmaya
çalıştım ve cihaz işlemin mümkün olmadığını söyledi. Hesabımda yeterli para var, bu yüzden ne olduğunu
anlamıyorum. Bunu benim için kontrol edebilir misiniz? Gelecek hafta Kanada'ya tatile gidiyorum ve kartımın
orada çalışacağından emin olmak istiyorum. Yurt dışında para çekmek ne kadar tutuyor? Kızım üniversiteye yeni
başladı ve kendi hesabına ihtiyacı var. Hızlı cevabınız için teşekkür ederim, çok yardımcı oldu. Sanırım
birisi bilgilerimle giriş yapmaya çalıştı, çünkü bu sabah garip bir mesaj aldım. Şimdi ne yapmalıyım? Yeni
bir telefonum var ve uygulama artık açılmıyor. İyi hafta sonları.`,
};
