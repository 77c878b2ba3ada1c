import {
  Field,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  Spinner,
  type TagPickerProps,
} from '@fluentui/react-components';
import { AddRegular, TagRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useDebouncedValue } from '@/components/use-debounced';
import { LIMITS } from '@/domain/limits';
import { useTagSuggestions } from '../api/use-tag-suggestions';
import { hasTag } from '../manage-form';
import { useManageFormStyles } from './manage-form.styles';

/** Prefix of the option that creates a tag from the typed text (never a real tag's value). */
const CREATE = '\u0000create:';

export type TagsFieldProps = {
  bulk: boolean;
  disabled: boolean;
  error: string | undefined;
  tags: string[];
  onChange: (tags: string[]) => void;
};

/**
 * Tags (seed 003): a TagPicker that, once the analyst starts typing, suggests tags already used
 * across incidents, and offers to create a new tag from the text. In bulk the tags are added to
 * each incident's own.
 */
export function TagsField({ bulk, disabled, error, tags, onChange }: TagsFieldProps) {
  const styles = useManageFormStyles();
  const [text, setText] = useState('');
  const searchText = useDebouncedValue(text);
  const [open, setOpen] = useState(false);

  const suggestions = useTagSuggestions(searchText, open);
  const typed = text.trim().slice(0, LIMITS.maxTagLength);
  const offered = (suggestions.data ?? []).filter(
    (t) => !hasTag(tags, t) && t.toLowerCase().includes(typed.toLowerCase()),
  );
  const canCreate = typed !== '' && !hasTag(tags, typed) && !hasTag(suggestions.data ?? [], typed);

  const onOptionSelect: TagPickerProps['onOptionSelect'] = (_, data) => {
    const value = data.value.startsWith(CREATE) ? data.value.slice(CREATE.length) : data.value;
    if (hasTag(tags, value)) {
      onChange(tags.filter((t) => t.toLowerCase() !== value.toLowerCase()));
    } else {
      onChange([...tags, value]);
      setText('');
    }
  };

  return (
    <Field
      hint={
        bulk
          ? 'Tags added here are added to each incident; its own tags stay.'
          : 'Start typing to pick a tag used on other incidents, or to create one.'
      }
      label={bulk ? 'Add tags' : 'Tags'}
      validationMessage={error}
    >
      <TagPicker
        disabled={disabled}
        open={open && (offered.length > 0 || canCreate || suggestions.isFetching)}
        selectedOptions={tags}
        onOpenChange={(_, data) => setOpen(data.open)}
        onOptionSelect={onOptionSelect}
      >
        <TagPickerControl>
          <TagPickerGroup aria-label="Selected tags">
            {tags.map((tag) => (
              <Tag icon={<TagRegular />} key={tag} shape="rounded" value={tag}>
                {tag}
              </Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput
            aria-label={bulk ? 'Add tags' : 'Tags'}
            className={styles.tagInput}
            placeholder={tags.length === 0 ? 'Add tags' : undefined}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
            }}
          />
        </TagPickerControl>
        <TagPickerList aria-label="Tag suggestions">
          {offered.map((tag) => (
            <TagPickerOption key={tag} media={<TagRegular aria-hidden />} value={tag}>
              {tag}
            </TagPickerOption>
          ))}
          {canCreate && (
            <TagPickerOption
              key={`${CREATE}${typed}`}
              media={<AddRegular aria-hidden />}
              text={`Create tag '${typed}'`}
              value={`${CREATE}${typed}`}
            >
              {`Create tag '${typed}'`}
            </TagPickerOption>
          )}
          {suggestions.isFetching && offered.length === 0 && !canCreate && (
            <Spinner label="Looking for tags…" size="tiny" />
          )}
        </TagPickerList>
      </TagPicker>
    </Field>
  );
}
