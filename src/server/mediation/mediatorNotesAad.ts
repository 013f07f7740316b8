/** What a mediator's sealed note is bound to (src/survey/sealing.ts mediatorNotesAad): it cannot be moved to another response. */
export const mediatorNotesAad = (responseId: string) => Buffer.from(`sayso/${responseId}/mediator-notes`);
