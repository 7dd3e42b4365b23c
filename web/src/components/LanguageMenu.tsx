import { Button, Menu } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, languageName } from '../lib/i18n';

interface LanguageMenuProps {
  onSelect: (language: string) => void;
  /** Only the language code on the button, for narrow headers. */
  compact?: boolean;
}

/** A button naming the current language, opening the list of languages, each named in itself. */
export function LanguageMenu({ onSelect, compact = false }: LanguageMenuProps) {
  const { t, i18n } = useTranslation();
  const current = i18n.language;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          px={compact ? 'xs' : 'sm'}
          leftSection={<IconLanguage size={18} aria-hidden="true" />}
          aria-label={t('languageMenu.label', { current: languageName(current) })}
        >
          {compact ? current.toUpperCase() : languageName(current)}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LANGUAGES.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            onClick={() => onSelect(language)}
            rightSection={language === current ? <IconCheck size={16} aria-hidden="true" /> : null}
          >
            {languageName(language)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
