/*
 * kernel_list.h - list operations used inside the kernel (inline for speed).
 *
 * Contract: the caller protects the list (critical section or scheduler
 * suspended). Items are in at most one list at a time. The end sentinel has
 * value portMAX_DELAY; an ordered insert of an item with that value goes to
 * the end.
 */
#ifndef KERNEL_LIST_H
#define KERNEL_LIST_H

#include "FreeRTOS.h"
#include "list.h"

typedef struct list list_t;
typedef struct list_item list_item_t;
typedef struct list_link list_link_t;

static inline list_item_t *list_item_of(list_link_t *link)
{
    return (list_item_t *)link;
}

static inline void list_init(list_t *list)
{
    list->end.value = portMAX_DELAY;
    list->end.next = &list->end;
    list->end.prev = &list->end;
    list->cursor = &list->end;
    list->count = 0;
}

static inline void list_item_init(list_item_t *item, void *owner)
{
    item->owner = owner;
    item->container = NULL;
}

static inline void list_link_between(list_link_t *link, list_link_t *prev, list_link_t *next)
{
    link->next = next;
    link->prev = prev;
    prev->next = link;
    next->prev = link;
}

/* Inserts so that the item is the last one the cursor reaches: round-robin
 * order for items of equal standing. */
static inline void list_insert_end(list_t *list, list_item_t *item)
{
    list_link_t *cursor = list->cursor;
    list_link_between(&item->link, cursor->prev, cursor);
    item->container = list;
    list->count++;
}

/* Inserts in ascending value order, after items of equal value (FIFO). */
static inline void list_insert_ordered(list_t *list, list_item_t *item)
{
    const TickType_t value = item->link.value;
    list_link_t *pos = list->end.prev;
    if (value != portMAX_DELAY) {
        pos = &list->end;
        while (pos->next != &list->end && pos->next->value <= value) {
            pos = pos->next;
        }
    }
    list_link_between(&item->link, pos, pos->next);
    item->container = list;
    list->count++;
}

/* Removes the item from its list; returns how many items remain there. */
static inline UBaseType_t list_remove(list_item_t *item)
{
    list_t *list = item->container;
    item->link.next->prev = item->link.prev;
    item->link.prev->next = item->link.next;
    if (list->cursor == &item->link) {
        list->cursor = item->link.prev;
    }
    item->container = NULL;
    const UBaseType_t left = list->count - 1U; /* count is volatile: one read */
    list->count = left;
    return left;
}

static inline int list_is_empty(const list_t *list)
{
    return list->count == 0U;
}

static inline void *list_head_owner(const list_t *list)
{
    return list_item_of(list->end.next)->owner;
}

static inline TickType_t list_head_value(const list_t *list)
{
    return list->end.next->value;
}

/* Advances the round-robin cursor, skipping the sentinel, and returns the
 * owner of the item it lands on. The list must not be empty. */
static inline void *list_next_owner(list_t *list)
{
    list_link_t *next = list->cursor->next;
    if (next == &list->end) {
        next = next->next;
    }
    list->cursor = next;
    return list_item_of(next)->owner;
}

#endif /* KERNEL_LIST_H */
