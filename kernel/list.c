/*
 * list.c - the FreeRTOS list API, over the kernel's inline list operations.
 */
#include "kernel_list.h"

void vListInitialise(List_t *const pxList)
{
    list_init(pxList);
}

void vListInitialiseItem(ListItem_t *const pxItem)
{
    pxItem->container = NULL;
}

void vListInsert(List_t *const pxList, ListItem_t *const pxNewListItem)
{
    list_insert_ordered(pxList, pxNewListItem);
}

void vListInsertEnd(List_t *const pxList, ListItem_t *const pxNewListItem)
{
    list_insert_end(pxList, pxNewListItem);
}

UBaseType_t uxListRemove(ListItem_t *const pxItemToRemove)
{
    return list_remove(pxItemToRemove);
}
