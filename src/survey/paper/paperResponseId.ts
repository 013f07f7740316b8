/**
 * A paper sheet's response id: UUID version 5 (RFC 9562, SHA-1 name-based) of facility,
 * survey and serial, so the same sheet keyed in on a laptop and uploaded in a spreadsheet
 * is one response, whoever sends it first (ARCHITECTURE.md, "Responses on the tablet").
 * WebCrypto: the same code runs in the browser and in Node.
 */

/** Sayso's namespace for paper sheets (a fixed random UUID; never change it: ids would change). */
export const PAPER_NAMESPACE = '6f1c2b7e-3d4a-4b8e-9a51-0c7d2e9f4a13';

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

export async function uuidV5(namespace: string, name: string): Promise<string> {
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(16 + nameBytes.length);
  input.set(uuidBytes(namespace));
  input.set(nameBytes, 16);
  const hash = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', input)).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of the response a paper sheet becomes. */
export function paperResponseId(facilityId: string, surveyId: string, serial: number): Promise<string> {
  return uuidV5(PAPER_NAMESPACE, `sayso-paper\n${facilityId}\n${surveyId}\n${serial}`);
}
