/**
 * What a short paragraph is for: headline, byline, dateline, question, list item, caption.
 * Roles explain why short lines are kept as content and help pick document titles.
 */
import { wordCount } from "./normalise.ts";

/** The part a paragraph plays in its article. */
export type ParagraphRole =
  "headline" | "byline" | "dateline" | "question" | "list-item" | "caption" | "body";

const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const WEEKDAY = "(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?";
/** A calendar date in the usual English and ISO forms. */
const DATE = new RegExp(
  `(?:${WEEKDAY}\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})`,
  "i",
);
const DATELINE = new RegExp(
  `^(?:(?:published|updated|posted|last updated|date)\\s*(?:on)?\\s*:?\\s*)?${DATE.source}(?:[\\s,|-]+(?:at\\s+)?\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,5}|\\s*gmt[+-]?\\d*)?)?\\s*$`,
  "i",
);
const BYLINE =
  /^(?:by\s+\S|written by\s|posted by\s|author:\s|originally published\b|source:\s.{0,60}\b\d{4}\b)/i;
const LIST_ITEM = /^\s*(?:[•·▪●◦‣*+-]|\d{1,3}\s*[.)]+|\(\d{1,3}\)|[a-z][.)])\s+\S/u;
const TERMINAL = /[.!;:,]["'”’)\]]*$/;

/** True for a line that is only a date, optionally after "Published" and before a time. */
export function isDateline(text: string): boolean {
  return text.length <= 80 && DATELINE.test(text.trim());
}

/** True for a byline: "By NAME", "Originally published: …", "Posted by …". */
export function isByline(text: string): boolean {
  return text.length <= 200 && BYLINE.test(text.trim());
}

/** True for a bulleted or numbered list item. */
export function isListItem(text: string): boolean {
  return LIST_ITEM.test(text);
}

/** True for a short interview-style question. */
export function isQuestion(text: string): boolean {
  let end = text.length - 1;
  while (end >= 0 && CLOSERS.includes(text.charAt(end))) end--;
  return text.charAt(end) === "?" && wordCount(text) <= 60;
}

/** Characters that may follow a question mark: closing quotes and brackets, spaces. */
const CLOSERS = `"'”’»)] \t\u00a0`;

/** True for a line shaped like a headline: short, no sentence-ending punctuation. */
export function isHeadlineShaped(text: string): boolean {
  if (text.length > 220) return false;
  const trimmed = text.trim();
  const words = wordCount(trimmed);
  return (
    words >= 2 &&
    words <= 24 &&
    trimmed.length <= 200 &&
    !TERMINAL.test(trimmed) &&
    !isListItem(trimmed) &&
    !trimmed.startsWith("|")
  );
}

/** True for a paragraph long enough to be prose on its own. */
export function isProse(text: string): boolean {
  return text.length >= 120 || wordCount(text) >= 20;
}

/** The role of a paragraph from its own text (headlines are assigned per article). */
export function roleOf(text: string): ParagraphRole {
  const trimmed = text.trim();
  if (trimmed.startsWith("| ")) return "caption";
  if (isDateline(trimmed)) return "dateline";
  if (isByline(trimmed)) return "byline";
  if (isListItem(trimmed)) return "list-item";
  if (isQuestion(trimmed)) return "question";
  return "body";
}
