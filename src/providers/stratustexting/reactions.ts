/**
 * An iPhone reaction ("Tapback") to a text reaches an SMS number as a text of its own that names the
 * reaction and quotes the message: Liked “See you at 7”. (Public description:
 * https://www.engadget.com/google-messages-imessage-reactions-emoji-134015919.html)
 */
const REACTION = /^(?:Liked|Loved|Laughed at|Emphasized|Emphasised|Disliked|Questioned) (?:“[\s\S]*”|"[\s\S]*")$/;

/** Whether an inbound text is a reaction to an earlier message rather than something the customer wrote. */
export function isReaction(text: string): boolean {
  return REACTION.test(text.trim());
}
