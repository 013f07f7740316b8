/** What a spoken comment's seal is bound to (docs/media-api.md): it cannot be moved to another response or question. */
export const spokenAad = (responseId: string, questionId: string) => Buffer.from(`sayso/${responseId}/spoken/${questionId}`);
