export type TCheckpointSummary = { count: number; lastSeq: number | null; lastAt: string | null };

export type TText = { 'zh-CN': string; en: string };

export type TVerifyFailure = {
  ok: false;
  count: number;
  brokenAt: number;
  /** English, as before; `message` carries the same in zh-CN and en for people. */
  reason: string;
  message: TText;
  /** Events the checkpoint file proves existed and the table no longer holds. */
  missing?: { from: number; to: number };
};

export type TVerifyResult = { ok: true; count: number; lastHash: string; checkpoints: TCheckpointSummary | null } | TVerifyFailure;

export const broken = (count: number, brokenAt: number, message: TText, extra: Pick<TVerifyFailure, 'missing'> = {}): TVerifyFailure => ({
  ok: false,
  count,
  brokenAt,
  reason: message.en,
  message,
  ...extra,
});

