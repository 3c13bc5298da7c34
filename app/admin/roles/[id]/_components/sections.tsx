'use client'

import { useEffect, useRef, useState } from 'react'
import { Controller, useFieldArray, useFormContext, useWatch } from 'react-hook-form'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { Textarea } from '@/components/ui/textarea'
import type { RoleContent, RoleContentInput } from '@/lib/roles/schema'
import {
  AddButton,
  EditorSection,
  Field,
  fieldId,
  ItemControls,
  itemName,
  ListError,
  ListItem,
  nullableNumber,
  nullableText,
  optionalNumber,
  optionalText,
  requiredNumber,
  useFocusAfterRender,
} from './fields'

const useRoleForm = () => useFormContext<RoleContentInput, unknown, RoleContent>()

/** The address a title suggests: "Back-End Developer" -> "back-end-developer". */
export const slugFromTitle = (title: string) =>
  title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)

const checkboxClass = 'size-4 accent-brand-600'

export function BasicsSection({ categories, published, creating }: { categories: { slug: string; name: string }[]; published: boolean; creating: boolean }) {
  const { register, getValues, setValue } = useRoleForm()
  const title = register('title')
  return (
    <EditorSection id="basics" title="Basics">
      <Field name="title" label="Title" required>
        {(a11y) => (
          <Input
            {...a11y}
            {...title}
            required
            maxLength={120}
            onBlur={(e) => {
              void title.onBlur(e)
              // A new role gets an address from its title unless one was typed.
              if (creating && !getValues('slug')) setValue('slug', slugFromTitle(e.target.value), { shouldDirty: true })
            }}
          />
        )}
      </Field>
      <Field
        name="slug"
        label="Address (slug)"
        required
        hint={
          published
            ? 'The page lives at /roles/<address>. Changing the address of a published role keeps the old address redirecting to the new one once you publish.'
            : 'The page will live at /roles/<address>: lower-case letters, digits and hyphens.'
        }
      >
        {(a11y) => <Input {...a11y} {...register('slug')} required maxLength={80} autoCapitalize="none" spellCheck={false} className="font-mono" />}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field name="categorySlug" label="Category" required>
          {(a11y) => (
            <Select {...a11y} {...register('categorySlug')} required>
              <option value="">Choose a category</option>
              {categories.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field name="summary" label="One-line summary" required hint="Shown on role cards and in search results; up to 200 characters.">
        {(a11y) => <Input {...a11y} {...register('summary')} required maxLength={200} />}
      </Field>
      <Field name="overview" label="Role overview" required hint="Separate paragraphs with an empty line.">
        {(a11y) => <Textarea {...a11y} {...register('overview')} required rows={8} maxLength={5000} />}
      </Field>
    </EditorSection>
  )
}

export function ResponsibilitiesSection() {
  const { control, register } = useRoleForm()
  const { fields, append, remove, move } = useFieldArray({ control, name: 'responsibilities' })
  const values = useWatch({ control, name: 'responsibilities' })
  const focusLater = useFocusAfterRender()
  const listId = 'responsibilities'
  return (
    <EditorSection id="responsibilities-section" title="Responsibilities">
      <ListError name="responsibilities" />
      {fields.length > 0 && (
        <ol className="flex flex-col gap-3" aria-label="Responsibilities">
          {fields.map((f, i) => (
            <ListItem
              key={f.id}
              legend={`Responsibility ${i + 1}`}
              controls={
                <ItemControls listId={listId} index={i} count={fields.length} name={itemName(values?.[i]?.title, `responsibility ${i + 1}`)} onMove={move} onRemove={remove} focusLater={focusLater} />
              }
            >
              <Field name={`responsibilities.${i}.title`} label="Responsibility title" required>
                {(a11y) => <Input {...a11y} {...register(`responsibilities.${i}.title`)} required maxLength={120} />}
              </Field>
              <Field name={`responsibilities.${i}.description`} label="Description" required>
                {(a11y) => <Textarea {...a11y} {...register(`responsibilities.${i}.description`)} required rows={3} maxLength={600} />}
              </Field>
            </ListItem>
          ))}
        </ol>
      )}
      <AddButton listId={listId} onClick={() => append({ title: '', description: '' })} disabled={fields.length >= 30}>
        Add a responsibility
      </AddButton>
    </EditorSection>
  )
}

type StringListName = 'qualifications' | 'market.demandHubs'
type StringListProps = { name: StringListName; itemLabel: string; addLabel: string; multiline?: boolean; maxItems: number; maxLength: number }

/** A list of plain strings (qualifications, demand hubs), edited through one Controller. */
function StringList(props: StringListProps) {
  const { control } = useRoleForm()
  return <Controller control={control} name={props.name} render={({ field }) => <StringListEditor {...props} items={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} />} />
}

/** Its own component so that focus can follow an item after the list re-renders. */
function StringListEditor({ name, itemLabel, addLabel, multiline, maxItems, maxLength, items, onChange, onBlur }: StringListProps & { items: string[]; onChange: (next: string[]) => void; onBlur: () => void }) {
  const focusLater = useFocusAfterRender()
  const listId = fieldId(name)
  const move = (from: number, to: number) => {
    const next = [...items]
    const [item] = next.splice(from, 1)
    next.splice(to, 0, item ?? '')
    onChange(next)
  }
  const edit = (i: number, text: string) => onChange(items.map((v, j) => (j === i ? text : v)))
  return (
    <div className="flex flex-col gap-3">
      <ListError name={name} />
      {items.length > 0 && (
        <ol className="flex flex-col gap-3" aria-label={`${itemLabel}s`}>
          {items.map((value, i) => (
            // Index keys: the inputs are controlled, so their text follows the value on a move.
            <ListItem
              key={i}
              legend={`${itemLabel} ${i + 1}`}
              controls={
                <ItemControls
                  listId={listId}
                  index={i}
                  count={items.length}
                  name={itemName(value, `${itemLabel.toLowerCase()} ${i + 1}`)}
                  onMove={move}
                  onRemove={(at) => onChange(items.filter((_, j) => j !== at))}
                  focusLater={focusLater}
                />
              }
            >
              <Field name={`${name}.${i}`} label={itemLabel} required>
                {(a11y) =>
                  multiline ? (
                    <Textarea {...a11y} value={value} onChange={(e) => edit(i, e.target.value)} onBlur={onBlur} required rows={2} maxLength={maxLength} />
                  ) : (
                    <Input {...a11y} value={value} onChange={(e) => edit(i, e.target.value)} onBlur={onBlur} required maxLength={maxLength} />
                  )
                }
              </Field>
            </ListItem>
          ))}
        </ol>
      )}
      <AddButton
        listId={listId}
        disabled={items.length >= maxItems}
        onClick={() => {
          onChange([...items, ''])
          focusLater(fieldId(`${name}.${items.length}`))
        }}
      >
        {addLabel}
      </AddButton>
    </div>
  )
}

export function QualificationsSection() {
  return (
    <EditorSection id="qualifications-section" title="Qualifications" description="Typical required skills and qualifications, one per item.">
      <StringList name="qualifications" itemLabel="Qualification" addLabel="Add a qualification" multiline maxItems={30} maxLength={300} />
    </EditorSection>
  )
}

export function TrendsSection() {
  const { control, register } = useRoleForm()
  const { fields, append, remove, move } = useFieldArray({ control, name: 'trends' })
  const values = useWatch({ control, name: 'trends' })
  const focusLater = useFocusAfterRender()
  const listId = 'trends'
  return (
    <EditorSection id="trends-section" title="Emerging trends">
      <ListError name="trends" />
      {fields.length > 0 && (
        <ol className="flex flex-col gap-3" aria-label="Emerging trends">
          {fields.map((f, i) => (
            <ListItem
              key={f.id}
              legend={`Trend ${i + 1}`}
              controls={<ItemControls listId={listId} index={i} count={fields.length} name={itemName(values?.[i]?.text, `trend ${i + 1}`)} onMove={move} onRemove={remove} focusLater={focusLater} />}
            >
              <Field name={`trends.${i}.text`} label="Trend" required>
                {(a11y) => <Textarea {...a11y} {...register(`trends.${i}.text`)} required rows={3} maxLength={600} />}
              </Field>
              <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
                <Field name={`trends.${i}.figurePct`} label="Figure (%)" hint="Optional, e.g. 18">
                  {(a11y) => <Input {...a11y} {...register(`trends.${i}.figurePct`, optionalNumber)} type="number" inputMode="decimal" step="any" />}
                </Field>
                <Field name={`trends.${i}.figureLabel`} label="Figure label" hint="Optional, e.g. yearly growth in AI investment">
                  {(a11y) => <Input {...a11y} {...register(`trends.${i}.figureLabel`, optionalText)} maxLength={80} />}
                </Field>
              </div>
            </ListItem>
          ))}
        </ol>
      )}
      <AddButton listId={listId} onClick={() => append({ text: '' })} disabled={fields.length >= 20}>
        Add a trend
      </AddButton>
    </EditorSection>
  )
}

const skillOptionsId = 'role-skill-suggestions'

/** Suggestions from the skills table as an editor types (a native datalist shared by every row). */
function useSkillSuggestions() {
  const [options, setOptions] = useState<string[]>([])
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const latest = useRef('')
  useEffect(() => () => clearTimeout(timer.current), [])
  const suggest = (q: string) => {
    clearTimeout(timer.current)
    latest.current = q
    if (!q.trim()) return
    timer.current = setTimeout(async () => {
      const response = await fetch(`/api/skills?q=${encodeURIComponent(q)}`).catch(() => null)
      if (response?.ok && latest.current === q) setOptions(((await response.json()) as { name: string }[]).map((s) => s.name))
    }, 200)
  }
  return { options, suggest }
}

export function SkillsSection() {
  const { control, register } = useRoleForm()
  const { fields, append, remove, move } = useFieldArray({ control, name: 'skills' })
  const values = useWatch({ control, name: 'skills' })
  const focusLater = useFocusAfterRender()
  const { options, suggest } = useSkillSuggestions()
  const listId = 'skills'
  return (
    <EditorSection id="skills-section" title="In-demand skills" description="Share of job postings that ask for each skill. Type to pick an existing skill, or enter a new one.">
      <ListError name="skills" />
      <datalist id={skillOptionsId}>
        {options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      {fields.length > 0 && (
        <ol className="flex flex-col gap-3" aria-label="In-demand skills">
          {fields.map((f, i) => {
            const nameField = register(`skills.${i}.name`)
            return (
              <ListItem
                key={f.id}
                legend={`Skill ${i + 1}`}
                controls={<ItemControls listId={listId} index={i} count={fields.length} name={itemName(values?.[i]?.name, `skill ${i + 1}`)} onMove={move} onRemove={remove} focusLater={focusLater} />}
              >
                <div className="grid gap-4 sm:grid-cols-[1fr_10rem] sm:items-start">
                  <Field name={`skills.${i}.name`} label="Skill" required>
                    {(a11y) => (
                      <Input
                        {...a11y}
                        {...nameField}
                        onChange={(e) => {
                          void nameField.onChange(e)
                          suggest(e.target.value)
                        }}
                        list={skillOptionsId}
                        autoComplete="off"
                        required
                        maxLength={80}
                      />
                    )}
                  </Field>
                  <Field name={`skills.${i}.sharePct`} label="Share of postings (%)" required>
                    {(a11y) => <Input {...a11y} {...register(`skills.${i}.sharePct`, requiredNumber)} type="number" inputMode="numeric" min={0} max={100} step={1} required />}
                  </Field>
                </div>
                <label className="flex items-center gap-2 text-sm text-ink-800">
                  <input type="checkbox" {...register(`skills.${i}.isEmerging`)} className={checkboxClass} />
                  Emerging skill
                </label>
              </ListItem>
            )
          })}
        </ol>
      )}
      <AddButton listId={listId} onClick={() => append({ name: '', sharePct: Number.NaN, isEmerging: false })} disabled={fields.length >= 40}>
        Add a skill
      </AddButton>
    </EditorSection>
  )
}

export function MarketSection() {
  const { register } = useRoleForm()
  const numberProps = { type: 'number', inputMode: 'decimal', step: 'any' } as const
  return (
    <EditorSection id="market-section" title="Industry expansion and demand">
      <div className="grid gap-5 sm:grid-cols-3">
        <Field name="market.growthRatePct" label="Projected growth (%)">
          {(a11y) => <Input {...a11y} {...register('market.growthRatePct', nullableNumber)} {...numberProps} />}
        </Field>
        <Field name="market.growthPeriodStart" label="Growth period from (year)">
          {(a11y) => <Input {...a11y} {...register('market.growthPeriodStart', nullableNumber)} type="number" inputMode="numeric" step={1} min={1990} max={2100} />}
        </Field>
        <Field name="market.growthPeriodEnd" label="Growth period to (year)">
          {(a11y) => <Input {...a11y} {...register('market.growthPeriodEnd', nullableNumber)} type="number" inputMode="numeric" step={1} min={1990} max={2100} />}
        </Field>
      </div>
      <Field name="market.growthDriver" label="What drives the growth" hint="e.g. Rising demand for digital transformation across industries">
        {(a11y) => <Input {...a11y} {...register('market.growthDriver')} maxLength={300} />}
      </Field>
      <div className="grid gap-5 sm:grid-cols-3">
        <Field name="market.entryToSeniorRatio" label="Entry roles per senior role" hint="e.g. 2.5">
          {(a11y) => <Input {...a11y} {...register('market.entryToSeniorRatio', nullableNumber)} {...numberProps} />}
        </Field>
        <Field name="market.demandChangePct" label="Change in demand (%)">
          {(a11y) => <Input {...a11y} {...register('market.demandChangePct', nullableNumber)} {...numberProps} />}
        </Field>
        <Field name="market.demandChangePeriod" label="Over which period" hint="e.g. past year">
          {(a11y) => <Input {...a11y} {...register('market.demandChangePeriod')} maxLength={60} />}
        </Field>
      </div>
      <div>
        <h3 className="mb-2 text-base font-semibold text-ink-900">Demand hubs</h3>
        <StringList name="market.demandHubs" itemLabel="Hub" addLabel="Add a demand hub" maxItems={20} maxLength={80} />
      </div>
    </EditorSection>
  )
}

export function SalarySection() {
  const { control, register } = useRoleForm()
  const { fields, append, remove, move } = useFieldArray({ control, name: 'salary.locationPremiums' })
  const values = useWatch({ control, name: 'salary.locationPremiums' })
  const focusLater = useFocusAfterRender()
  const listId = 'premiums'
  const money = { type: 'number', inputMode: 'numeric', step: 1, min: 1 } as const
  return (
    <EditorSection id="salary-section" title="Salary">
      <div className="grid gap-5 sm:grid-cols-[8rem_1fr]">
        <Field name="salary.currency" label="Currency" required hint="e.g. USD">
          {(a11y) => (
            <Input
              {...a11y}
              {...register('salary.currency', { setValueAs: (v: unknown) => String(v ?? '').trim().toUpperCase() })}
              required
              maxLength={3}
              autoCapitalize="characters"
              spellCheck={false}
              className="uppercase"
            />
          )}
        </Field>
        <Field name="salary.region" label="Region" required>
          {(a11y) => <Input {...a11y} {...register('salary.region')} required maxLength={80} />}
        </Field>
      </div>
      <div className="grid gap-5 sm:grid-cols-3">
        <Field name="salary.min" label="Minimum salary">
          {(a11y) => <Input {...a11y} {...register('salary.min', nullableNumber)} {...money} />}
        </Field>
        <Field name="salary.avg" label="Average salary">
          {(a11y) => <Input {...a11y} {...register('salary.avg', nullableNumber)} {...money} />}
        </Field>
        <Field name="salary.max" label="Maximum salary">
          {(a11y) => <Input {...a11y} {...register('salary.max', nullableNumber)} {...money} />}
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm text-ink-800">
        <input type="checkbox" {...register('salary.maxOpenEnded')} className={checkboxClass} />
        The maximum is open-ended (shown as “over …”)
      </label>
      <div className="flex flex-col gap-3">
        <h3 className="text-base font-semibold text-ink-900">Location premiums</h3>
        <ListError name="salary.locationPremiums" />
        {fields.length > 0 && (
          <ol className="flex flex-col gap-3" aria-label="Location premiums">
            {fields.map((f, i) => (
              <ListItem
                key={f.id}
                legend={`Location ${i + 1}`}
                controls={<ItemControls listId={listId} index={i} count={fields.length} name={itemName(values?.[i]?.location, `location ${i + 1}`)} onMove={move} onRemove={remove} focusLater={focusLater} />}
              >
                <div className="grid gap-4 sm:grid-cols-[1fr_10rem] sm:items-start">
                  <Field name={`salary.locationPremiums.${i}.location`} label="Location" required>
                    {(a11y) => <Input {...a11y} {...register(`salary.locationPremiums.${i}.location`)} required maxLength={80} />}
                  </Field>
                  <Field name={`salary.locationPremiums.${i}.premiumPct`} label="Premium (%)" required hint="Negative if below average">
                    {(a11y) => <Input {...a11y} {...register(`salary.locationPremiums.${i}.premiumPct`, requiredNumber)} type="number" inputMode="decimal" step="any" required />}
                  </Field>
                </div>
              </ListItem>
            ))}
          </ol>
        )}
        <AddButton listId={listId} onClick={() => append({ location: '', premiumPct: Number.NaN })} disabled={fields.length >= 20}>
          Add a location premium
        </AddButton>
      </div>
    </EditorSection>
  )
}

export function SourcesSection() {
  const { control, register } = useRoleForm()
  const { fields, append, remove, move } = useFieldArray({ control, name: 'sources' })
  const values = useWatch({ control, name: 'sources' })
  const focusLater = useFocusAfterRender()
  const listId = 'sources'
  return (
    <EditorSection id="sources-section" title="Sources">
      <ListError name="sources" />
      {fields.length > 0 && (
        <ol className="flex flex-col gap-3" aria-label="Sources">
          {fields.map((f, i) => (
            <ListItem
              key={f.id}
              legend={`Source ${i + 1}`}
              controls={<ItemControls listId={listId} index={i} count={fields.length} name={itemName(values?.[i]?.label, `source ${i + 1}`)} onMove={move} onRemove={remove} focusLater={focusLater} />}
            >
              <Field name={`sources.${i}.label`} label="Source" required>
                {(a11y) => <Input {...a11y} {...register(`sources.${i}.label`)} required maxLength={200} />}
              </Field>
              <Field name={`sources.${i}.url`} label="Link" hint="Optional; an https:// address">
                {(a11y) => <Input {...a11y} {...register(`sources.${i}.url`, optionalText)} type="url" inputMode="url" maxLength={500} placeholder="https://" />}
              </Field>
            </ListItem>
          ))}
        </ol>
      )}
      <AddButton listId={listId} onClick={() => append({ label: '' })} disabled={fields.length >= 20}>
        Add a source
      </AddButton>
      <div className="sm:max-w-60">
        <Field name="lastReviewedAt" label="Figures last reviewed">
          {(a11y) => <Input {...a11y} {...register('lastReviewedAt', nullableText)} type="date" />}
        </Field>
      </div>
    </EditorSection>
  )
}
