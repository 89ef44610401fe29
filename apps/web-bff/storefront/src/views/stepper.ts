import { h } from '../dom.js';

export interface StepperOptions {
  value: number;
  min: number;
  max: number;
  /** What the number counts, for screen readers: "Quantity of Fjord Kettle". */
  label: string;
  /** Called with the new value; the stepper is disabled until the promise settles. */
  onChange(value: number): void | Promise<void>;
}

/** − n + with 44 px touch targets; each press asks `onChange` for one step. */
export function stepper(options: StepperOptions): HTMLElement {
  let value = options.value;
  const shown = h('output', { class: 'stepper-value', 'aria-live': 'polite' }, value);
  const less = h(
    'button',
    { type: 'button', class: 'step', 'aria-label': `One fewer: ${options.label}` },
    '−',
  ) as HTMLButtonElement;
  const more = h(
    'button',
    { type: 'button', class: 'step', 'aria-label': `One more: ${options.label}` },
    '+',
  ) as HTMLButtonElement;
  const sync = (busy = false) => {
    shown.textContent = String(value);
    less.disabled = busy || value <= options.min;
    more.disabled = busy || value >= options.max;
  };
  const step = async (delta: number) => {
    const next = Math.min(options.max, Math.max(options.min, value + delta));
    if (next === value) return;
    sync(true);
    try {
      await options.onChange(next);
      value = next;
    } finally {
      sync();
    }
  };
  less.addEventListener('click', () => void step(-1));
  more.addEventListener('click', () => void step(1));
  sync();
  return h(
    'div',
    { class: 'stepper', role: 'group', 'aria-label': options.label },
    less,
    shown,
    more,
  );
}
