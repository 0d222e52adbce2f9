import { describe, expect, it } from 'vitest';
import { parseHeaderBlock } from './parse-header-block.js';

describe('parseHeaderBlock', () => {
  it('reads names case-insensitively and keeps repeated headers in order', () => {
    const headers = parseHeaderBlock('Received: from a\r\nreceived: from b\r\nSubject: Hello\r\n');
    expect(headers.get('received')).toEqual(['from a', 'from b']);
    expect(headers.get('subject')).toEqual(['Hello']);
  });

  it('unfolds continuation lines', () => {
    const headers = parseHeaderBlock('References: <a@example.com>\r\n <b@example.com>\r\n\t<c@example.com>\r\n');
    expect(headers.get('references')).toEqual(['<a@example.com> <b@example.com> <c@example.com>']);
  });

  it('stops at the first empty line and skips lines that are not headers', () => {
    const headers = parseHeaderBlock('garbage line\nX-Test: 1\n\nBody: not a header\n');
    expect([...headers.keys()]).toEqual(['x-test']);
  });

  it('keeps an empty value', () => {
    expect(parseHeaderBlock('Return-Path: <>\nX-Empty:\n').get('x-empty')).toEqual(['']);
  });
});
