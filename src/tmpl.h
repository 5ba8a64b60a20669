/*
 * tmpl.h - a small template expander for the HTML report.
 */
#ifndef OLR_TMPL_H
#define OLR_TMPL_H

#endif
