export {
  fakeAccountSid,
  fakeAuthToken,
  fakeTwilioResponseSchema,
  type FakeStatusCallback,
  type FakeTwilioApi,
  type FakeTwilioApiOptions,
  type FakeTwilioMessage,
  type FakeTwilioRequest,
  type FakeTwilioResponse,
} from './fake-twilio-api-contract.js';
export { startFakeTwilioApi } from './fake-twilio-api.js';
export { signedTwilioRequest, signTwilioWebhook, type TwilioWebhookToSign } from './sign-twilio-webhook.js';
