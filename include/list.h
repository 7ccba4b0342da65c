/*
 * list.h - the kernel's intrusive doubly-linked list.
 *
 * One list type serves the ready, delayed, event and timer lists. A list is
 * circular around an end sentinel whose value is the largest TickType_t, so
 * an ordered walk always stops there. Each item knows its owner (the object
 * it is embedded in) and its container (the list it is in, or NULL).
 * A cursor supports round-robin traversal.
 *
 * The macros below give the FreeRTOS list API for code that uses it; the
 * kernel itself uses the same operations through kernel/include/kernel_list.h.
 * Context: all mutating operations must be done with the list protected
 * (critical section or scheduler suspended).
 */
#ifndef LIST_H
#define LIST_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h before list.h"
#endif /* INC_FREERTOS_H */

#ifdef __cplusplus
extern "C" {
#endif /* __cplusplus */

struct list;

/* The part of an item that links it into a list; the sentinel is only this. */
struct list_link {
    TickType_t value;
    struct list_link *next;
    struct list_link *prev;
};

struct list_item {
    struct list_link link; /* first member: a link converts to its item */
    void *owner;
    struct list *container;
};

struct list {
    volatile UBaseType_t count;
    struct list_link *cursor;
    struct list_link end;
};

typedef struct list_item ListItem_t;
typedef struct list_link MiniListItem_t;
typedef struct list List_t;

void vListInitialise(List_t *const pxList);
void vListInitialiseItem(ListItem_t *const pxItem);
void vListInsert(List_t *const pxList, ListItem_t *const pxNewListItem);
void vListInsertEnd(List_t *const pxList, ListItem_t *const pxNewListItem);
UBaseType_t uxListRemove(ListItem_t *const pxItemToRemove);

#define listSET_LIST_ITEM_OWNER(pxItem, pxOwner) ((pxItem)->owner = (void *)(pxOwner))
#define listGET_LIST_ITEM_OWNER(pxItem) ((pxItem)->owner)
#define listSET_LIST_ITEM_VALUE(pxItem, xValue) ((pxItem)->link.value = (xValue))
#define listGET_LIST_ITEM_VALUE(pxItem) ((pxItem)->link.value)
#define listGET_ITEM_VALUE_OF_HEAD_ENTRY(pxList) ((pxList)->end.next->value)
#define listGET_HEAD_ENTRY(pxList) ((ListItem_t *)(pxList)->end.next)
#define listGET_NEXT(pxItem) ((ListItem_t *)(pxItem)->link.next)
#define listGET_END_MARKER(pxList) ((ListItem_t const *)&((pxList)->end))
#define listLIST_IS_EMPTY(pxList) (((pxList)->count == (UBaseType_t)0) ? pdTRUE : pdFALSE)
#define listCURRENT_LIST_LENGTH(pxList) ((pxList)->count)
#define listLIST_ITEM_CONTAINER(pxItem) ((pxItem)->container)
#define listIS_CONTAINED_WITHIN(pxList, pxItem) \
    (((pxItem)->container == (pxList)) ? pdTRUE : pdFALSE)
#define listLIST_IS_INITIALISED(pxList) ((pxList)->end.value == portMAX_DELAY)
#define listGET_OWNER_OF_HEAD_ENTRY(pxList) (((ListItem_t *)(pxList)->end.next)->owner)

#ifdef __cplusplus
}
#endif /* __cplusplus */

#endif /* LIST_H */
