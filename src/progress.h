/*
 * progress.h - how far a long stage has got.
 *
 * A stage that can take long on a big database (rebuilding the loads,
 * writing a workbook of a million rows) names each step as it begins it;
 * the caller's function decides whether to show it. Modules never print:
 * main.c shows the step on a terminal once the stage has run a while.
 */
#ifndef OLR_PROGRESS_H
#define OLR_PROGRESS_H

struct olr_progress {
	void  (*step)(void *arg, const char *stage, const char *what);
	void   *arg;
};

/* Report that stage begins step what; p (or p->step) may be NULL. */
static inline void
olr_progress(const struct olr_progress *p, const char *stage,
    const char *what)
{
	if (p != NULL && p->step != NULL)
		p->step(p->arg, stage, what);
}

#endif
