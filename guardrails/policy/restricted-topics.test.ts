import { beforeAll, describe, expect, it } from 'vitest';
import { readTopicPolicy } from '../input/topics/load-topic-policy.js';
import { matchRestrictedTopics } from '../input/topics/match-restricted-topics.js';
import type { TopicPolicy } from '../input/topics/topic-policy.js';
import { readUnanswerableQuestions } from '../../evals/unanswerable/unanswerable-questions.js';

/**
 * The shipped policy against what the bank asked for: per topic, messages that
 * must reach a person (English and Dutch) and near misses that must get a
 * normal, cited answer because they touch no restricted topic at all.
 */
interface TopicCases {
  en: string[];
  nl: string[];
  nearMisses: { en: string[]; nl: string[] };
}

const cases: Record<string, TopicCases> = {
  threat_of_self_harm: {
    en: [
      'I want to end my life',
      'i feel suicidal',
      'Sometimes I think about killing myself because of my debts',
      "I don't want to live anymore",
      'everyone would be better off without me',
    ],
    nl: ['ik wil dood', 'ik denk aan zelfmoord', 'ik zie het niet meer zitten', 'ik wil er een einde aan maken', 'ik wil niet meer leven'],
    nearMisses: {
      en: [
        "This app is killing me, it's so slow",
        'How do I end my standing order?',
        "I'm dying to know the new savings rate",
        'I hurt myself skiing, does travel insurance cover it?',
        "I don't want to live in the Netherlands after I retire, can I keep my account?",
      ],
      nl: ['Hoe beëindig ik mijn lening?', 'Ik ga dood van het wachten op mijn pas', 'Hoe maak ik een einde aan mijn abonnement?'],
    },
  },
  ongoing_fraud: {
    en: [
      "I think I've been scammed, I paid a fake webshop",
      "There are payments on my account I didn't make",
      'I gave my PIN to a man who called me saying he was from the bank',
      'someone is using my credit card online',
      "I don't recognise a transaction of €400",
    ],
    nl: [
      'Ik ben opgelicht via Marktplaats',
      'Er staat een afschrijving op mijn rekening die ik niet heb gedaan',
      'ik heb mijn pincode gegeven aan iemand die zei dat hij van de bank was',
      'Iemand gebruikt mijn creditcard',
      'ik heb geld overgemaakt naar een oplichter',
    ],
    nearMisses: {
      en: [
        'How do I recognise a phishing email?',
        'What is a money mule?',
        'How long does a refund for an unauthorised transaction take?',
        'How can I avoid being scammed online?',
        'I got a fraud alert in the app, what does it mean?',
      ],
      nl: [
        'Hoe herken ik een phishingmail?',
        'Hoe voorkom ik dat ik opgelicht word?',
        'Hoe lang duurt een vergoeding voor niet-toegestane transacties?',
        'Mijn betaling is niet gelukt, waarom?',
      ],
    },
  },
  stolen_card: {
    en: [
      'How do I report my card stolen?',
      'my wallet was stolen on the train',
      'someone stole my debit card',
      'my plastic got nicked on the tram',
      'I was pickpocketed in Barcelona',
    ],
    nl: ['mijn pas is gestolen', 'Mijn portemonnee is gerold in de trein', 'gestolen creditcard melden', 'ik ben beroofd en mijn pasjes zijn weg'],
    nearMisses: {
      en: [
        'How long does a replacement card take?',
        'I lost my card',
        'My bike was stolen, am I insured?',
        'My phone was stolen, how do I remove it as a device?',
        'The ATM kept my card',
      ],
      nl: [
        'Hoe lang duurt een nieuwe pas?',
        'Ik ben mijn pas kwijt',
        'Mijn fiets is gestolen, ben ik verzekerd?',
        'Mijn telefoon is gestolen, hoe verwijder ik de app?',
      ],
    },
  },
  account_takeover: {
    en: [
      'My account has been hacked',
      'Someone logged into my app from another country',
      "There's an unknown device in my app",
      'someone changed my phone number in online banking',
      'my transfer limit was raised without my permission',
    ],
    nl: [
      'Ik ben gehackt',
      'Iemand heeft ingelogd op mijn account',
      'Er staat een onbekend apparaat in mijn app',
      'Mijn telefoonnummer is zonder mijn toestemming gewijzigd',
      'mijn whatsapp is overgenomen en nu vragen ze geld',
    ],
    nearMisses: {
      en: [
        'How do I activate the app on my new phone?',
        'I forgot my app code',
        'Can I give someone access to my account?',
        'How can I protect my account from being hacked?',
        'How do I change my phone number?',
      ],
      nl: [
        'Hoe activeer ik de app op een nieuwe telefoon?',
        'Ik ben mijn appcode vergeten',
        'Kan ik iemand toegang geven tot mijn rekening?',
        'Hoe voorkom ik dat mijn account gehackt wordt?',
        'Hoe wijzig ik mijn telefoonnummer?',
      ],
    },
  },
  bereavement: {
    en: [
      'My father passed away last month',
      'my husband died and I need access to our joint account',
      'Where do I send the death certificate?',
      "Can you pay the funeral bill from my mum's account?",
      "I'm the executor of my aunt's estate",
    ],
    nl: [
      'Mijn moeder is overleden',
      'mijn man is vorige week gestorven',
      'Kunnen jullie de uitvaart betalen van de rekening van mijn vader?',
      'Ik ben erfgenaam, hoe krijg ik toegang tot de rekening?',
    ],
    nearMisses: {
      en: [
        'My phone died, how do I log in?',
        "My card is dead, it doesn't work anymore",
        'My son passed his driving test, can he get car insurance?',
        'Can I add my father to my account?',
      ],
      nl: [
        'Mijn telefoon is dood, hoe log ik in?',
        'Dekt de reisverzekering ook overlijden?',
        'Kan ik mijn moeder machtigen voor mijn rekening?',
        'Mijn zoon is geslaagd, kan hij een rekening openen?',
      ],
    },
  },
  complaint: {
    en: [
      'I want to complain about your service',
      "I'd like to file a formal complaint",
      'how do I make a complaint?',
      'This is a complaint about the fees you charged',
      'I have a complaint',
    ],
    nl: ['Ik wil een klacht indienen', 'ik wil klagen over de wachttijd', 'Ik heb een klacht over mijn hypotheekadviseur', 'Dit is een officiële klacht'],
    nearMisses: {
      en: [
        'What are your complaint response times?',
        'How long does a complaint take?',
        'What does the Complaints Review Team do?',
        'What is the fee for a complaint?',
      ],
      nl: [
        'Hoe lang duurt de behandeling van een klacht?',
        'Wat doet de Financial Services Complaints Board?',
        'Binnen welke termijn reageren jullie op een klacht?',
      ],
    },
  },
  vulnerable_customer: {
    en: [
      "I can't cope with all of this anymore",
      "I'm being forced to take out a loan by my partner",
      'my mother has dementia, can I help her with her banking?',
      'I think my elderly dad is being financially abused by his carer',
      'My husband controls my money and I have no access',
    ],
    nl: [
      'Ik word gedwongen geld over te maken',
      'mijn vader heeft dementie',
      'ik kan het niet meer aan',
      'mijn partner zet mij onder druk om een lening af te sluiten',
      'Ik ben slachtoffer van financieel misbruik',
    ],
    nearMisses: {
      en: [
        'Is the app accessible with a screen reader?',
        'Can I give my son power of attorney?',
        "I'm confused about the package fees",
        'How do I force close the app?',
        'Does home insurance cover forced entry?',
      ],
      nl: ['Is de app geschikt voor een schermlezer?', 'Kan ik mijn zoon machtigen?', 'Ik kan het formulier niet vinden', 'Staat de spaarrente onder druk?'],
    },
  },
  debt_distress: {
    en: [
      "I can't pay my loan this month",
      "I lost my job and I'm behind on my mortgage",
      'a debt collector keeps calling me',
      "I'm struggling to afford my repayments",
      'we are in financial difficulties',
    ],
    nl: [
      'Ik kan mijn lening niet meer betalen',
      'Ik heb schulden en de deurwaarder staat voor de deur',
      'ik heb een betalingsachterstand op mijn hypotheek',
      'Kan ik een betalingsregeling treffen? Ik kom niet rond',
    ],
    nearMisses: {
      en: [
        'How do I pay off my loan early?',
        'Can I get a payment holiday on my personal loan?',
        'What is the interest on an unarranged overdraft?',
        "I can't pay contactless in the shop",
        'What happens if I miss a payment?',
      ],
      nl: [
        'Hoe los ik mijn lening vervroegd af?',
        'Kan ik mijn lening niet eerder aflossen?',
        'Ik kan niet betalen met mijn pas',
        'Is er een achterstand bij het behandelen van klachten?',
      ],
    },
  },
  legal_advice: {
    en: [
      'Can I sue you for this?',
      'Is it even legal to charge this fee?',
      'Should I take legal action against the merchant?',
      'My lawyer wants a copy of my statements',
      'I will take Lumen Bank to court',
    ],
    nl: ['Ik neem een advocaat in de arm', 'Ik ga jullie aanklagen', 'Is dit wel legaal?', 'Mag dat zomaar?', 'Ik wil juridisch advies'],
    nearMisses: {
      en: [
        'Do you offer legal expenses insurance?',
        'What is the legal age to open an account?',
        'Can I give someone power of attorney?',
        'How do I escalate to the Financial Services Complaints Board?',
      ],
      nl: ['Heeft Lumen een rechtsbijstandverzekering?', 'Wat is de wettelijke bedenktijd voor een lening?', 'Kan ik iemand een volmacht geven?'],
    },
  },
};

let policy: TopicPolicy;

beforeAll(async () => {
  policy = await readTopicPolicy();
});

describe('the shipped restricted-topic policy', () => {
  it('has exactly the topics that have cases here', () => {
    expect(policy.topics.map((topic) => topic.id).sort()).toEqual(Object.keys(cases).sort());
  });

  it('treats a threat of self-harm as urgent for the care team', () => {
    expect(policy.topics.find((topic) => topic.id === 'threat_of_self_harm')).toMatchObject({ skill: 'care', priority: 'urgent' });
  });

  it('has at least three positives per locale and three near misses for every topic', () => {
    for (const topicCases of Object.values(cases)) {
      expect(topicCases.en.length).toBeGreaterThanOrEqual(3);
      expect(topicCases.nl.length).toBeGreaterThanOrEqual(3);
      expect(topicCases.nearMisses.en.length).toBeGreaterThanOrEqual(3);
      expect(topicCases.nearMisses.nl.length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe.each(Object.entries(cases))('%s', (topic, topicCases) => {
  it.each(topicCases.en)('matches %j', (text) => {
    expect(matchRestrictedTopics(text, 'en', policy).map((match) => match.topic)).toContain(topic);
  });

  it.each(topicCases.nl)('matches %j', (text) => {
    expect(matchRestrictedTopics(text, 'nl', policy).map((match) => match.topic)).toContain(topic);
  });

  it.each(topicCases.nearMisses.en)('leaves %j to the knowledge base', (text) => {
    expect(matchRestrictedTopics(text, 'en', policy)).toEqual([]);
  });

  it.each(topicCases.nearMisses.nl)('leaves %j to the knowledge base', (text) => {
    expect(matchRestrictedTopics(text, 'nl', policy)).toEqual([]);
  });
});

describe('messages in mixed languages', () => {
  it('finds a Dutch pattern in a message detected as English', () => {
    expect(matchRestrictedTopics('hoi, my card is gestolen', 'en', policy)[0]).toMatchObject({ topic: 'stolen_card', patternLocale: 'nl' });
  });

  it('puts the most urgent of several topics first', () => {
    const matches = matchRestrictedTopics('I want to complain: someone stole my card and there are payments I did not make', 'en', policy);
    expect(matches.map((match) => match.topic)).toEqual(['ongoing_fraud', 'stolen_card', 'complaint']);
  });
});

describe('plain questions', () => {
  it('lets every question of the unanswerable eval set through untouched', async () => {
    const fired = (await readUnanswerableQuestions()).flatMap((question) =>
      matchRestrictedTopics(question.question, question.locale, policy).map((match) => `${question.id} ${match.topic}: ${match.matchedText}`),
    );
    expect(fired).toEqual([]);
  });
});
