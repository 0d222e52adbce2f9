/**
 * Words that carry no evidence about what a customer needs. Question words and
 * politeness are included: "how do I" says nothing about which article answers.
 */
const english = `a about above after again against all am an and any are as at be because been before being below
between both but by can cannot could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which while
who whom why will with would you your yours yourself yourselves hello hi hey please thanks thank want wanted need needs
like know tell get got let lets can't don't i'm it's what's there's im dont cant also anyway ok okay yes
much many long take takes taking make way possible able use using should might may someone something anything happen
happens going go still`;

const dutch = `aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge
geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je jij jou jouw kan kon kunnen
maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat ons onze ook op over reeds te tegen toch toen
tot u uw uit van veel voor want waren was wat we wel welk welke werd wie wij wil willen worden wordt zal ze zelf zich
zij zijn zo zonder zou graag hallo hoi dag bedankt dank alstublieft alsjeblieft weten vertellen krijgen even
lang duurt duren hoeveel mogelijk kun kunt moet moeten gebeurt iets`;

export const stopwords: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(english.split(/\s+/)),
  nl: new Set(dutch.split(/\s+/)),
};
