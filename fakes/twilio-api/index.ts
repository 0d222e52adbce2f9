export {
  fakeAccountSid,
  fakeAuthToken,
  fakeTwilioResponseSchema,
  startFakeTwilioApi,
  type FakeStatusCallback,
  type FakeTwilioApi,
  type FakeTwilioApiOptions,
  type FakeTwilioMessage,
  type FakeTwilioRequest,
  type FakeTwilioResponse,
} from './fake-twilio-api.js';
export { signedTwilioRequest, signTwilioWebhook, type TwilioWebhookToSign } from './sign-twilio-webhook.js';
