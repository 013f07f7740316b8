/**
 * The `type` cell of an XLSForm survey row: today's spelling (`select_one list`), older
 * ones (`select one from list`, `select all that apply from list`, `string`, `int`) and
 * why each type Sayso does not have is left out.
 */

export type RowType =
  | { type: 'select_one' | 'select_multiple'; list: string; orOther: boolean }
  | { type: 'integer' | 'decimal' | 'range' | 'text' | 'note' | 'audio' }
  | { type: 'begin_group' | 'end_group' | 'begin_repeat' | 'end_repeat' }
  | { type: 'skip'; name: string; reason: string }
  | { type: 'unknown'; name: string };

const ALIASES: Record<string, string> = {
  string: 'text', int: 'integer', trigger: 'acknowledge', datetime: 'datetime', 'date_time': 'datetime', gps: 'geopoint',
  'begin_loop': 'begin_repeat', 'end_loop': 'end_repeat', location: 'geopoint', photo: 'image', 'q_image': 'image',
};

const METADATA = 'metadata the phone records (Sayso records nothing about the device or the person)';

/** Why a type is not imported: the row is reported as skipped with this reason. */
export const SKIP_REASONS: Record<string, string> = {
  calculate: 'a calculation (Sayso computes no values: results are counted on the server)',
  hidden: 'a hidden field (Sayso computes no values)',
  geopoint: 'a location (Sayso never records where a person is)',
  geotrace: 'a location trace (Sayso never records where a person is)',
  geoshape: 'a location area (Sayso never records where a person is)',
  'start-geopoint': METADATA,
  'background-geopoint': METADATA,
  date: 'a date (Sayso has no date answer: ask it as a choice or a text question)',
  time: 'a time (Sayso has no time answer: ask it as a choice or a text question)',
  datetime: 'a date and time (Sayso has no date answer: ask it as a choice or a text question)',
  image: 'a photo (Sayso takes no photos: they could show a person)',
  video: 'a video recording (Sayso records no video)',
  file: 'a file upload (Sayso takes no files)',
  barcode: 'a barcode scan (Sayso has no scanner)',
  acknowledge: 'an acknowledgement button (make it a yes/no question or a note)',
  rank: 'a ranking (Sayso has no ranking question: ask for the most important one with a single choice)',
  'select_one_from_file': 'choices read from a separate file (copy the choices into the choices sheet)',
  'select_multiple_from_file': 'choices read from a separate file (copy the choices into the choices sheet)',
  'select_one_external': 'choices read from a separate file (copy the choices into the choices sheet)',
  'xml-external': 'data read from a separate file',
  'csv-external': 'data read from a separate file',
  'background-audio': 'a background recording (Sayso never records without the respondent choosing to speak)',
  audit: METADATA, start: METADATA, end: METADATA, today: METADATA, deviceid: METADATA, subscriberid: METADATA,
  simserial: METADATA, phonenumber: METADATA, username: METADATA, email: METADATA, imei: METADATA, uri: METADATA,
};

const SELECT_ONE = /^(?:select_one|select one|select1|select one from|select_one from|add select one prompt using)\s+(\S+)(\s+or_other)?$/i;
const SELECT_MULTIPLE = /^(?:select_multiple|select multiple|select all that apply|select multiple from|select all that apply from|select_multiple from|add select multiple prompt using)\s+(\S+)(\s+or_other)?$/i;

export function readRowType(cell: string): RowType {
  const text = cell.trim().replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  if (/^(select_one_from_file|select one from file|select_multiple_from_file|select multiple from file|select_one_external)\b/.test(lower)) {
    const name = lower.startsWith('select_multiple') || lower.startsWith('select multiple') ? 'select_multiple_from_file' : lower.startsWith('select_one_external') ? 'select_one_external' : 'select_one_from_file';
    return { type: 'skip', name, reason: SKIP_REASONS[name]! };
  }
  const one = SELECT_ONE.exec(text);
  if (one) return { type: 'select_one', list: one[1]!, orOther: Boolean(one[2]) };
  const many = SELECT_MULTIPLE.exec(text);
  if (many) return { type: 'select_multiple', list: many[1]!, orOther: Boolean(many[2]) };
  if (/^rank\s+\S+/.test(lower)) return { type: 'skip', name: 'rank', reason: SKIP_REASONS.rank! };
  const word = lower.replace(/[\s]+/g, '_').replace(/^begin_loop_over_.*$/, 'begin_loop');
  const name = ALIASES[word] ?? word;
  switch (name) {
    case 'integer': case 'decimal': case 'range': case 'text': case 'note': case 'audio':
    case 'begin_group': case 'end_group': case 'begin_repeat': case 'end_repeat':
      return { type: name };
  }
  const reason = SKIP_REASONS[name];
  return reason ? { type: 'skip', name, reason } : { type: 'unknown', name: text };
}
