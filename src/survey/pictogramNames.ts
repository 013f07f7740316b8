/**
 * Every pictogram the app ships, as public/pictograms/<name>.svg. Survey definitions
 * may name only these, so a definition can never point at an image that is not there
 * (a test checks each name has its file).
 */
export const PICTOGRAM_NAMES = [
  // kiosk screens and controls
  'start', 'language', 'consent', 'anonymous', 'voluntary', 'procedure', 'thanks', 'back', 'next',
  'start-over', 'audio', 'prefer-not', 'idle', 'warning', 'done', 'survey', 'tablet', 'staff-only',
  // answer kinds
  'yes', 'no', 'face-1', 'face-2', 'face-3', 'face-4', 'face-5',
  'expect-below', 'expect-at', 'expect-above',
  'compliance-effective', 'compliance-partial', 'compliance-critical',
  'rating', 'comment', 'microphone', 'information',
  // topics
  'room', 'sanitary', 'food', 'cooking', 'staff', 'safety', 'medical', 'wellbeing',
  'accommodation', 'help', 'child', 'age', 'sex', 'nationality', 'service-desk', 'phone', 'friends',
  // who answers: age bands and sex, told apart by shape (height, stick, hair, clothes), not colour
  'age-under-18', 'age-18-29', 'age-30-44', 'age-45-59', 'age-60-plus', 'sex-female', 'sex-male', 'sex-other',
  // age bands of the children's survey (under 18 only), told apart by height and the mark on the rule
  'age-under-14', 'age-14-15', 'age-16-17',
  // reasons and details
  'crowded', 'noise', 'temperature', 'dirty', 'privacy', 'broken', 'waiting', 'hot-water',
  'no-lock', 'quantity', 'taste', 'variety', 'diet', 'mealtimes', 'kitchen-equipment',
  'ingredients', 'not-listened', 'disrespect', 'unavailable', 'language-barrier', 'conflict',
  'theft', 'night', 'harassment', 'not-taken-seriously', 'medicine', 'no-access', 'rules-unclear',
  'not-informed', 'boredom', 'sad', 'sleep', 'worry', 'isolation', 'activities', 'other',
  'money', 'transport', 'school', 'clothes', 'laundry', 'internet', 'insects', 'light',
] as const;

export type PictogramName = (typeof PICTOGRAM_NAMES)[number];
