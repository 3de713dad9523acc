import { SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';

export interface FilterOption {
  label: string;
  value: string;
}

// As a filter's `input` with the same `options`, it makes the tag print the name, not the value.
// `options` is read at each render (the authors' list is filled in place once loaded).
export const filterSelect = (label: string, placeholder: string, options: FilterOption[]) =>
  function FilterSelect({ name }: { name: string }) {
    const field = useField(name);
    return (
      <SingleSelect
        aria-label={label}
        placeholder={placeholder}
        value={field.value as string | undefined}
        onChange={(value: string | number) => field.onChange(name, String(value))}
      >
        {options.map((option) => (
          <SingleSelectOption key={option.value} value={option.value}>
            {option.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    );
  };
