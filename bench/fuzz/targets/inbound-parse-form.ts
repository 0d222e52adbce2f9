import { ValidationError } from '../../../bot/errors/validation-error.js';
import { readInboundParseForm } from '../../../channels/email/read-inbound-parse-form.js';
import { inboundParseRequest, type InboundParseRequest } from '../arbitraries/inbound-parse-bodies.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { PropertyViolation } from '../property-violation.js';
import { rethrowUnlessDocumented } from '../rethrow-unless-documented.js';

export const inboundParseFormTarget: FuzzTarget<InboundParseRequest> = {
  name: 'inbound-parse-form',
  parser: 'channels/email/read-inbound-parse-form.ts#readInboundParseForm',
  contract: 'returns string fields and a file count, or throws ValidationError',
  arbitrary: inboundParseRequest,
  check({ body, contentType }) {
    try {
      const form = readInboundParseForm(body, contentType);
      if (Object.values(form.fields).some((value) => typeof value !== 'string')) throw new PropertyViolation('a field is not a string');
      if (!Number.isInteger(form.files) || form.files < 0) throw new PropertyViolation(`files is ${form.files}`);
    } catch (error) {
      rethrowUnlessDocumented(error, [ValidationError]);
    }
  },
};
