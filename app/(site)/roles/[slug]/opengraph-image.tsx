import { ImageResponse } from 'next/og'
import { notFound } from 'next/navigation'
import { getPublishedRole } from '@/lib/roles/data'
import { formatMoney } from '@/lib/roles/format'

// Rendered on request, never by `next build` (which must not open the database). Not ISR either:
// a route handler that throws notFound() during an ISR render gets its 404 cached with no tags and
// no expiry, so a role published later would keep a broken image until a restart. The role itself
// comes from `unstable_cache`, so a request costs the drawing, not a query.
export const dynamic = 'force-dynamic'

export const alt = 'SkillsU career role card showing the role title, its category and the average salary'
export const size = { width: 1200, height: 630 }
export const contentType = 'image/png'

const colors = {
  brand: '#4338ca',
  brandDark: '#312e81',
  brandLight: '#c7d2fe',
  white: '#ffffff',
}

/** Long titles step down in size so they stay within three lines. */
function titleSize(title: string): number {
  if (title.length <= 28) return 84
  if (title.length <= 48) return 68
  if (title.length <= 80) return 54
  return 44
}

// Only the font bundled with next/og (Geist, regular) is used: no file reads, no network.
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const role = await getPublishedRole((await params).slug)
  if (!role) notFound()
  const { salary } = role

  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '64px 72px',
          color: colors.white,
          backgroundColor: colors.brandDark,
          backgroundImage: `linear-gradient(135deg, ${colors.brand} 0%, ${colors.brandDark} 100%)`,
        }}
      >
        <div style={{ display: 'flex', alignItems: 'center', gap: 18 }}>
          <div
            style={{
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              width: 64,
              height: 64,
              borderRadius: 14,
              backgroundColor: colors.white,
              color: colors.brand,
              fontSize: 40,
            }}
          >
            S
          </div>
          <div style={{ display: 'flex', fontSize: 40 }}>
            <span>Skills</span>
            <span style={{ color: colors.brandLight }}>U</span>
          </div>
        </div>

        <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
          <div style={{ display: 'flex' }}>
            <div
              style={{
                display: 'flex',
                padding: '8px 20px',
                borderRadius: 999,
                border: `2px solid ${colors.brandLight}`,
                color: colors.brandLight,
                fontSize: 28,
              }}
            >
              {role.category.name}
            </div>
          </div>
          <div style={{ display: 'flex', fontSize: titleSize(role.title), lineHeight: 1.1, letterSpacing: -1 }}>
            {role.title}
          </div>
        </div>

        <div style={{ display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between' }}>
          {salary.avg !== null ? (
            <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
              <div style={{ display: 'flex', fontSize: 26, color: colors.brandLight }}>
                {`Average salary in the ${salary.region}`}
              </div>
              <div style={{ display: 'flex', fontSize: 56 }}>{`${formatMoney(salary.avg, salary.currency)} a year`}</div>
            </div>
          ) : (
            <div style={{ display: 'flex' }} />
          )}
          <div style={{ display: 'flex', fontSize: 26, color: colors.brandLight }}>Skills, salaries and demand</div>
        </div>
      </div>
    ),
    { ...size },
  )
}
