'use client'

import { useEffect, useId, useRef, type MouseEvent, type ReactNode } from 'react'
import { cn } from '@/lib/utils'

export interface DialogProps {
  open: boolean
  onClose: () => void
  title: ReactNode
  /** Optional supporting text under the title; wired to aria-describedby. */
  description?: ReactNode
  children?: ReactNode
  /** Close when the backdrop is clicked (default true). */
  closeOnBackdropClick?: boolean
  className?: string
}

/**
 * Modal dialog on the native <dialog> element (showModal gives focus trapping, inert background and
 * Escape handling). Controlled: render with `open` and update your state in `onClose`.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  closeOnBackdropClick = true,
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    else if (!open && dialog.open) dialog.close()
  }, [open])

  // (Unmounting removes the element from the top layer, so no cleanup is needed.)

  // Only a press that starts *and* ends on the backdrop closes: a text selection dragged
  // out of the content must not. The padding-free <dialog> box is covered by its content,
  // so events targeting the <dialog> itself come from the backdrop.
  const pressStartedOnBackdrop = useRef(false)
  function handleMouseDown(event: MouseEvent<HTMLDialogElement>) {
    pressStartedOnBackdrop.current = event.target === event.currentTarget
  }
  function handleBackdropClick(event: MouseEvent<HTMLDialogElement>) {
    if (closeOnBackdropClick && pressStartedOnBackdrop.current && event.target === event.currentTarget) onClose()
    pressStartedOnBackdrop.current = false
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape: keep React state as the source of truth.
        event.preventDefault()
        onClose()
      }}
      onClose={() => {
        if (open) onClose()
      }}
      onMouseDown={handleMouseDown}
      onClick={handleBackdropClick}
      className={cn(
        'm-auto w-[calc(100%-2rem)] max-w-lg overflow-visible rounded-3xl bg-white p-0 text-ink-900 shadow-xl',
        'backdrop:bg-ink-950/60 backdrop:backdrop-blur-[2px]',
        className,
      )}
    >
      <div className="flex max-h-[calc(100dvh-2rem)] flex-col">
        <div className="flex items-start justify-between gap-4 border-b border-ink-200 px-5 py-4 sm:px-6">
          <div className="flex flex-col gap-1">
            <h2 id={titleId} className="text-lg font-semibold leading-7 text-ink-900">
              {title}
            </h2>
            {description ? (
              <p id={descriptionId} className="text-sm text-ink-600">
                {description}
              </p>
            ) : null}
          </div>
          <button
            type="button"
            onClick={onClose}
            className="-mt-1 -mr-2 inline-flex size-10 shrink-0 items-center justify-center rounded-lg text-ink-600 transition-colors hover:bg-ink-100 hover:text-ink-900"
          >
            <span className="sr-only">Close dialog</span>
            <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-5">
              <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
            </svg>
          </button>
        </div>
        <div className="overflow-y-auto px-5 py-5 text-sm leading-6 text-ink-700 sm:px-6 sm:text-base sm:leading-7">
          {children}
        </div>
      </div>
    </dialog>
  )
}
