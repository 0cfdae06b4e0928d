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

/** Where the live chain begins when older events were archived (ADR 0015). */
export type TVerifyAnchor = { seq: number; hash: string; archiveId: string; archivedAt: string; cutoff: string };

export type TVerifyOk = {
  ok: true;
  /** Events in the live chain, from the anchor (or the first event) to the head. */
  count: number;
  lastHash: string;
  checkpoints: TCheckpointSummary | null;
  /** `full`: every event from the anchor was rehashed; `incremental`: only those after the last verified position. */
  mode: 'full' | 'incremental';
  /** Events rehashed by this verification. */
  checked: number;
  anchor: TVerifyAnchor | null;
  /** When the chain was last verified from its anchor to the head (this run, or an earlier one). */
  fullAt: string | null;
};

export type TVerifyResult = TVerifyOk | TVerifyFailure;

export const broken = (
  count: number,
  brokenAt: number,
  message: TText,
  extra: Pick<TVerifyFailure, 'missing'> = {},
): TVerifyFailure => ({
  ok: false,
  count,
  brokenAt,
  reason: message.en,
  message,
  ...extra,
});
