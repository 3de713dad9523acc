import * as React from 'react';
import { DateTimePicker, Field } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
// The source module, not the package: the package's index also brings the Markdown renderer.
import { fromGmt7WallClock, gmt7WallClock } from '../../../../shared/src/date';

// Strapi's own limit for its date-time input.
const MAX_DATE = new Date(2099, 11, 31);

// Strapi's picker shows and returns Dates on the browser's clock. It is handed a Date whose
// local clock reads Vietnam's time, and what it returns is read on the local clock as Vietnam's.
const toPicker = (value: string | Date): Date => {
  const { year, month, day, hour, minute } = gmt7WallClock(value);
  return new Date(year, month - 1, day, hour, minute);
};
const fromPicker = (date: Date): string =>
  fromGmt7WallClock({
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
  }).toISOString();

interface Props {
  name: string;
  label: string;
  hint?: React.ReactNode;
  labelAction?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
}

/** 08:30 typed in New York is stored as 01:30Z, whatever the browser's time zone. */
export const Gmt7DateTimeInput = React.forwardRef<HTMLInputElement, Props>(
  ({ name, label, hint, labelAction, required, disabled }, ref) => {
    const field = useField<string | null>(name);
    const value = field.value ? toPicker(field.value) : null;
    return (
      <Field.Root error={field.error} name={name} hint={hint} required={required}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <DateTimePicker
          ref={ref}
          value={value}
          onChange={(date) => field.onChange(name, date ? fromPicker(date) : null)}
          onClear={() => field.onChange(name, null)}
          clearLabel="Xóa"
          dateLabel="Ngày"
          timeLabel="Giờ (GMT+7)"
          maxDate={MAX_DATE}
          disabled={disabled}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  },
);
