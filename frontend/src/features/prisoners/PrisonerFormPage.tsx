import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

import { useApi } from '../../api/ApiContext';
import { ApiError, problemMessageKey, type Problem } from '../../api/problem';
import { useOffences } from '../methodology/catalogue/api';
import { indexProblems, NO_PROBLEMS } from '../methodology/shared/fieldProblems';
import { useFormat } from '../methodology/shared/format';
import { ProblemList } from '../methodology/shared/ProblemList';
import { ProblemsContext, useFieldError } from '../methodology/shared/ProblemsContext';
import { ConflictAlert } from '../methodology/shared/SyncBar';
import {
  EMPTY_DRAFT,
  fetchPrisoner,
  FORM_FIELDS,
  LEGAL_STATUSES,
  placeProblems,
  prisonerKey,
  prisonersKey,
  registerPrisoner,
  toDraft,
  toPrisonerForm,
  updatePrisoner,
  usePrisoner,
  type LegalStatus,
  type Prisoner,
  type PrisonerDraft,
} from './api';
import { useNames } from './lookups';
import { toPrisoner, type PrisonerParams } from './routes';

/** Registration (no id in the address) or editing of a prisoner's record. */
export default function PrisonerFormPage() {
  const { prisonerId } = useParams<PrisonerParams>();
  const query = usePrisoner(prisonerId ?? '');
  if (!prisonerId) return <PrisonerForm />;
  if (query.isPending) return <Loader size="sm" />;
  if (query.error) return <LoadFailure error={query.error} />;
  return <PrisonerForm key={prisonerId} existing={query.data} />;
}

function LoadFailure({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert">
      {error instanceof ApiError ? t(problemMessageKey(error.problem)) : error.message}
    </Alert>
  );
}

function PrisonerForm({ existing }: { existing?: Prisoner }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<PrisonerDraft>(existing ? toDraft(existing) : EMPTY_DRAFT);
  const [version, setVersion] = useState(existing?.version);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [conflict, setConflict] = useState(false);
  const id = existing?.id;

  const save = useMutation({
    mutationFn: (v: number | undefined) =>
      id ? updatePrisoner(api, id, toPrisonerForm(draft, v)) : registerPrisoner(api, toPrisonerForm(draft)),
    onSuccess: async (saved) => {
      queryClient.setQueryData(prisonerKey(saved.id ?? ''), saved);
      await queryClient.invalidateQueries({ queryKey: prisonersKey });
      void navigate(toPrisoner(saved.id ?? ''));
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      if (error.status === 409 && id) setConflict(true);
      else setProblem(error.problem);
    },
  });

  const submit = (v = version) => {
    setProblem(null);
    setConflict(false);
    save.mutate(v);
  };

  // A 409: the user's input stays; they may load the saved record or save theirs over it.
  const loadTheirs = async () => {
    const theirs = await fetchPrisoner(api, id ?? '');
    setDraft(toDraft(theirs));
    setVersion(theirs.version);
    setConflict(false);
  };
  const keepMine = async () => {
    const theirs = await fetchPrisoner(api, id ?? '');
    setVersion(theirs.version);
    submit(theirs.version);
  };

  const { placed, general } = placeProblems(problem?.errors ?? [], FORM_FIELDS);
  const problems = placed.length > 0 ? indexProblems(placed) : NO_PROBLEMS;
  const set = (change: Partial<PrisonerDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setSentence = (change: Partial<PrisonerDraft['sentence']>) =>
    setDraft((d) => ({ ...d, sentence: { ...d.sentence, ...change } }));

  return (
    <ProblemsContext value={problems}>
      <Stack
        component="form"
        gap="md"
        maw={960}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        data-testid="prisoner-form"
      >
        <Title order={1}>{t(id ? 'cycle.form.editTitle' : 'cycle.form.newTitle')}</Title>
        {conflict && <ConflictAlert onLoadTheirs={() => void loadTheirs()} onKeepMine={() => void keepMine()} />}
        {problem && (
          <Alert color="red" variant="light" role="alert" data-testid="form-problem">
            {t(problemMessageKey(problem))}
          </Alert>
        )}
        <ProblemList title={t('cycle.form.otherProblems')} problems={general} />
        <Card withBorder>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('cycle.prisoner.identity')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <Field
                path="number"
                label={t('cycle.prisoner.number')}
                value={draft.number}
                onChange={(number) => set({ number })}
                required
                ltr
                testId="field-number"
              />
              <Field
                path="familyName"
                label={t('cycle.prisoner.familyName')}
                value={draft.familyName}
                onChange={(familyName) => set({ familyName })}
                required
                testId="field-familyName"
              />
              <Field
                path="givenNames"
                label={t('cycle.prisoner.givenNames')}
                value={draft.givenNames}
                onChange={(givenNames) => set({ givenNames })}
                required
                testId="field-givenNames"
              />
              <Field
                path="dateOfBirth"
                type="date"
                label={t('cycle.prisoner.dateOfBirth')}
                value={draft.dateOfBirth}
                onChange={(dateOfBirth) => set({ dateOfBirth })}
                required
                testId="field-dateOfBirth"
              />
              <SexField value={draft.sex} onChange={(sex) => set({ sex })} />
              <Field
                path="citizenship"
                label={t('cycle.prisoner.citizenship')}
                description={t('cycle.form.citizenshipHint')}
                value={draft.citizenship}
                onChange={(citizenship) => set({ citizenship: citizenship.toUpperCase() })}
                required
                ltr
                testId="field-citizenship"
              />
            </SimpleGrid>
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('cycle.prisoner.custody')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <LegalStatusField value={draft.legalStatus} onChange={(legalStatus) => set({ legalStatus })} />
              <Field
                path="admittedOn"
                type="date"
                label={t('cycle.prisoner.admittedOn')}
                value={draft.admittedOn}
                onChange={(admittedOn) => set({ admittedOn })}
                required
                testId="field-admittedOn"
              />
              <FacilityField value={draft.facilityId} onChange={(facilityId) => set({ facilityId })} />
              <OffencesField value={draft.offences} onChange={(offences) => set({ offences })} />
              <FlagsField value={draft.flags} onChange={(flags) => set({ flags })} />
            </SimpleGrid>
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="sm">
            <Checkbox
              label={t('cycle.form.hasSentence')}
              checked={draft.hasSentence}
              onChange={(e) => set({ hasSentence: e.currentTarget.checked })}
              data-testid="field-hasSentence"
            />
            {draft.hasSentence && (
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                <Field
                  path="sentence.start"
                  type="date"
                  label={t('cycle.prisoner.sentenceStart')}
                  value={draft.sentence.start}
                  onChange={(start) => setSentence({ start })}
                  required
                  testId="field-sentence-start"
                />
                <Field
                  path="sentence.lengthMonths"
                  type="number"
                  label={t('cycle.prisoner.lengthMonths')}
                  value={draft.sentence.lengthMonths}
                  onChange={(lengthMonths) => setSentence({ lengthMonths })}
                  testId="field-sentence-lengthMonths"
                />
                <Field
                  path="sentence.expectedRelease"
                  type="date"
                  label={t('cycle.prisoner.expectedRelease')}
                  value={draft.sentence.expectedRelease}
                  onChange={(expectedRelease) => setSentence({ expectedRelease })}
                  testId="field-sentence-expectedRelease"
                />
                <CourtRegimeField
                  value={draft.sentence.courtRegime}
                  onChange={(courtRegime) => setSentence({ courtRegime })}
                />
                <Checkbox
                  mt="lg"
                  label={t('cycle.prisoner.life')}
                  checked={draft.sentence.life}
                  onChange={(e) => setSentence({ life: e.currentTarget.checked })}
                />
              </SimpleGrid>
            )}
          </Stack>
        </Card>
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="save-prisoner">
            {t(id ? 'cycle.form.save' : 'cycle.form.register')}
          </Button>
        </Group>
      </Stack>
    </ProblemsContext>
  );
}

function Field({
  path,
  label,
  description,
  value,
  onChange,
  required,
  ltr,
  type = 'text',
  testId,
}: {
  path: string;
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  ltr?: boolean;
  type?: string;
  testId: string;
}) {
  return (
    <TextInput
      type={type}
      label={label}
      description={description}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      required={required}
      dir={ltr ? 'ltr' : undefined}
      error={useFieldError(path)}
      data-path={path}
      data-testid={testId}
    />
  );
}

function SexField({ value, onChange }: { value: PrisonerDraft['sex']; onChange: (sex: PrisonerDraft['sex']) => void }) {
  const { t } = useTranslation();
  const error = useFieldError('sex');
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="field-sex-label">
        {t('cycle.prisoner.sex')}
      </Text>
      <SegmentedControl
        aria-labelledby="field-sex-label"
        value={value}
        onChange={(sex) => onChange(sex as PrisonerDraft['sex'])}
        data={[
          { value: 'M', label: t('cycle.sex.M') },
          { value: 'F', label: t('cycle.sex.F') },
        ]}
        data-testid="field-sex"
      />
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}

function LegalStatusField({ value, onChange }: { value: LegalStatus; onChange: (s: LegalStatus) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('cycle.prisoner.legalStatus')}
      required
      allowDeselect={false}
      data={LEGAL_STATUSES.map((s) => ({ value: s, label: t(`cycle.legalStatus.${s}`) }))}
      value={value}
      onChange={(s) => s && onChange(s as LegalStatus)}
      error={useFieldError('legalStatus')}
      data-testid="field-legalStatus"
    />
  );
}

function FacilityField({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const { facilities } = useNames();
  const { text } = useFormat();
  return (
    <Select
      label={t('cycle.prisoner.facility')}
      required
      searchable
      data={facilities.map((f) => ({
        value: f.id ?? '',
        label: `${text(f.name, f.code ?? '').text} (${f.code ?? ''})`,
      }))}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      error={useFieldError('facilityId')}
      data-testid="field-facility"
    />
  );
}

/** A court-ordered regime is one of the categories of the scheme in force, chosen by its name. */
function CourtRegimeField({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  const { categories, categoryName } = useNames();
  return (
    <Select
      label={t('cycle.prisoner.courtRegime')}
      description={t('cycle.prisoner.courtRegimeHint')}
      searchable
      clearable
      data={[
        ...categories.map((c) => ({ value: c.code ?? '', label: categoryName(c.code) })),
        // A regime recorded under an earlier scheme stays visible (by its code) so it can be seen and replaced.
        ...(value && !categories.some((c) => c.code === value) ? [{ value, label: value }] : []),
      ]}
      value={value || null}
      onChange={(code) => onChange(code ?? '')}
      error={useFieldError('sentence.courtRegime')}
      data-path="sentence.courtRegime"
      data-testid="field-sentence-courtRegime"
    />
  );
}

function OffencesField({ value, onChange }: { value: string[]; onChange: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const { text } = useFormat();
  const offences = useOffences().data?.entries ?? [];
  return (
    <MultiSelect
      label={t('cycle.prisoner.offences')}
      searchable
      data={offences.map((o) => ({ value: o.code, label: `${o.code} · ${text(o.name, o.code).text}` }))}
      value={value}
      onChange={onChange}
      error={useFieldError('offences')}
      data-testid="field-offences"
    />
  );
}

function FlagsField({ value, onChange }: { value: string[]; onChange: (flags: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <TagsInput
      label={t('cycle.prisoner.flags')}
      description={t('cycle.form.flagsHint')}
      data={['VEO', 'ESCAPE_RISK', 'GANG']}
      value={value}
      onChange={(flags) => onChange(flags.map((f) => f.toUpperCase()))}
      error={useFieldError('flags')}
      dir="ltr"
      data-testid="field-flags"
    />
  );
}
