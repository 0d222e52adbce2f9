import { describe, expect, it } from 'vitest';
import { readUnanswerableQuestions } from '../../../evals/unanswerable/unanswerable-questions.js';
import { detectHumanRequest, findHumanRequest } from './detect-human-request.js';

describe('detectHumanRequest', () => {
  it.each([
    'Can I talk to a human?',
    'I want to speak to a real person',
    'let me chat with an agent please',
    'I want a real person',
    'I want someone real',
    'Are you a real person?',
    'connect me to an employee',
    'put me through to someone',
    'Can someone call me?',
    'could you please ring me back',
    'please call me',
    "I don't want to talk to a bot",
    'how can I talk to someone about my mortgage?',
    'Agent!!',
    'human please',
  ])('recognises %j', (text) => {
    expect(detectHumanRequest(text, 'en')).toBe(true);
  });

  it.each([
    'Ik wil een medewerker spreken',
    'mag ik met een medewerker praten?',
    'medewerker',
    'een medewerker graag',
    'ik wil graag een mens spreken',
    'kan ik een echt persoon krijgen?',
    'kunt u mij terugbellen?',
    'kan iemand mij bellen',
    'verbind me door met een medewerker',
    'ik wil niet met een robot praten',
    'geen chatbot aub',
  ])('recognises %j', (text) => {
    expect(detectHumanRequest(text, 'nl')).toBe(true);
  });

  it('recognises a request in the other language or in a mix of both', () => {
    expect(detectHumanRequest('ik wil een medewerker spreken', 'en')).toBe(true);
    expect(detectHumanRequest('can I talk to a medewerker?', 'en')).toBe(true);
    expect(detectHumanRequest('I want a real person', 'nl')).toBe(true);
  });

  it.each([
    'How do I contact you by phone?',
    'What are your opening hours?',
    'What is the phone number of the fraud line?',
    'Can I transfer money to another person?',
    'A person called me claiming to be from the bank',
    'How do I add a person to my joint account?',
    'How do I know a call is really from Lumen Bank?',
    'Will you ever call me to ask for my PIN?',
    'Can I call you from abroad?',
    'ok',
    '',
  ])('does not treat %j as a request for a person', (text) => {
    expect(detectHumanRequest(text, 'en')).toBe(false);
  });

  it.each([
    'Hoe kan ik jullie bellen?',
    'Wat zijn de openingstijden?',
    'Een medewerker belde mij en vroeg om mijn pincode',
    'Welk telefoonnummer heeft de fraudelijn?',
    'Kan ik geld overmaken naar een andere persoon?',
    'Kan ik een persoon toevoegen aan mijn rekening?',
    'Moet ik iemand bellen als mijn pas gestolen is?',
    'Moet ik het nummer terugbellen?',
  ])('does not treat %j as a request for a person', (text) => {
    expect(detectHumanRequest(text, 'nl')).toBe(false);
  });

  it('says which words asked for a person', () => {
    expect(findHumanRequest('Hi, can I speak to someone please?', 'en')).toEqual({
      pattern: expect.stringContaining('talk|talking|speak'),
      matchedText: 'speak to someone',
    });
    expect(findHumanRequest('Operator!', 'en')).toEqual({ pattern: '(the whole message)', matchedText: 'operator' });
    expect(findHumanRequest('What are your opening hours?', 'en')).toBeUndefined();
  });
});

describe('plain questions', () => {
  it('finds no request for a person in the unanswerable eval set', async () => {
    const requests = (await readUnanswerableQuestions()).filter((question) => detectHumanRequest(question.question, question.locale));
    expect(requests.map((question) => question.id)).toEqual([]);
  });
});
