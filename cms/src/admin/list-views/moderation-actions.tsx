import { useTable } from '@strapi/strapi/admin';
import { COMMENT_UID, DECISIONS, useModerationDecision, type Moderation } from './moderation';

type Decision = (typeof DECISIONS)[number];

interface BulkProps {
  model: string;
  documents: Array<{ documentId: string }>;
}

interface RowProps {
  model: string;
  documentId?: string;
  document?: { moderation?: Moderation };
}

/** No confirmation: every decision can be changed again the same way. */
const bulkAction = (decision: Decision) => {
  const Action = ({ model, documents }: BulkProps) => {
    const decide = useModerationDecision();
    const selectRow = useTable('ModerationBulkAction', (state) => state.selectRow);
    if (model !== COMMENT_UID) return null;
    return {
      label: decision.label,
      variant: decision.moderation === 'approved' ? 'success' : 'secondary',
      onClick: async () => {
        if (
          await decide(
            documents.map(({ documentId }) => documentId),
            decision,
          )
        )
          selectRow([]);
      },
    };
  };
  Action.type = `moderation-${decision.moderation}`;
  return Action;
};

/** The same decisions in each row's "…" menu: two clicks for one comment. */
const rowAction = (decision: Decision) => {
  const Action = ({ model, documentId, document }: RowProps) => {
    const decide = useModerationDecision();
    if (model !== COMMENT_UID || !documentId) return null;
    return {
      label: decision.label,
      position: 'table-row',
      disabled: document?.moderation === decision.moderation,
      onClick: async () => {
        await decide([documentId], decision);
      },
    };
  };
  Action.type = `moderation-${decision.moderation}`;
  Action.position = 'table-row';
  return Action;
};

export const moderationBulkActions = DECISIONS.map(bulkAction);
export const moderationRowActions = DECISIONS.map(rowAction);
