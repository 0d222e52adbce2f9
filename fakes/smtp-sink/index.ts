export { startSmtpSink, type SinkFailureCode, type SinkMessage, type SmtpSink, type SmtpSinkOptions } from './smtp-sink.js';
