import { describe, expect, it } from 'vitest';
import { checkResponseSignature } from '../../src/server/responseSignature.ts';
import { makeResponseMac, makeSecret, responseContentHash } from '../../src/survey/responseMac.ts';
import { signedResponse } from './support/signedResponse.ts';

describe('the server checks what the tablet signed', () => {
  it('accepts the MAC a tablet made with WebCrypto and hashes the same content', async () => {
    const secret = makeSecret();
    const response = await signedResponse({ enrollmentId: 'e1', secret }, { surveyId: 's', surveyVersion: 1, answers: { b: 2, a: ['x', 'y'] } });
    const checked = checkResponseSignature(response, secret);
    expect(checked).toEqual({ valid: true, contentHash: await responseContentHash(response) });
  });

  it('refuses a changed answer, another secret, and a MAC of the wrong length', async () => {
    const secret = makeSecret();
    const response = await signedResponse({ enrollmentId: 'e1', secret }, { surveyId: 's', surveyVersion: 1, answers: { a: 1 } });
    expect(checkResponseSignature({ ...response, answers: { a: 2 } }, secret).valid).toBe(false);
    expect(checkResponseSignature(response, makeSecret()).valid).toBe(false);
    expect(checkResponseSignature({ ...response, mac: 'AAAA' }, secret).valid).toBe(false);
  });

  it('does not depend on the order of keys', async () => {
    const secret = makeSecret();
    const response = await signedResponse({ enrollmentId: 'e1', secret }, { surveyId: 's', surveyVersion: 1, answers: { a: 1, b: 2 } });
    const reordered = { ...response, answers: { b: 2, a: 1 } };
    expect(checkResponseSignature(reordered, secret).valid).toBe(true);
    expect(await makeResponseMac(reordered, secret)).toBe(response.mac);
  });
});
