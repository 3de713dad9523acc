import { filterSelect } from './filter-select';
import { MODERATION_LABELS } from './moderation';

/** One filter of the list, as 'Admin/CM/pages/ListView/inject-in-filters' passes them. */
interface Filter {
  name: string;
  [key: string]: unknown;
}

const MODERATION_OPTIONS = Object.entries(MODERATION_LABELS).map(([value, label]) => ({
  label,
  value,
}));

/** The filter's value: a state picked by its Vietnamese name. */
const ModerationInput = filterSelect('Kiểm duyệt', 'Chọn trạng thái', MODERATION_OPTIONS);

// The content manager's own enumeration filter prints the raw value in its tag ("Kiểm duyệt là
// pending"); with its own input the tag reads the option's label.
export function injectModerationFilter({
  displayedFilters,
  layout,
}: {
  displayedFilters: Filter[];
  layout: unknown;
}) {
  return {
    layout,
    displayedFilters: displayedFilters.map((filter) =>
      filter.name === 'moderation'
        ? { ...filter, input: ModerationInput, options: MODERATION_OPTIONS }
        : filter,
    ),
  };
}
