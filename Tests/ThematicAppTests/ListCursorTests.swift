import Testing

@testable import ThematicApp

/// The list cursor the coding and reconcile screens share, over a full list of ten items.
@Suite struct ListCursorTests {
    enum Only: Equatable, Sendable { case all, even }

    func cursor(visible: [Int] = Array(0..<10), current: Int? = 0) -> ListCursor<Only> {
        ListCursor(filter: .all, visible: visible, current: current)
    }

    @Test func filteringListsTheMatchingItemsFromTheTopAndKeepsTheCurrentItem() {
        var list = cursor(current: 3)
        list.settle(height: 2)
        list.list([0, 2, 4, 6, 8], for: .even)
        #expect(list.filter == .even)
        #expect(list.visible == [0, 2, 4, 6, 8])
        #expect(list.offset == 0)
        #expect(list.current == 3)
        #expect(list.selection == nil, "3 is not listed")
    }

    @Test func stepsStopAtTheEnds() {
        #expect(cursor(current: 9).item(movedBy: 1) == 9)
        #expect(cursor(current: 0).item(movedBy: -1) == 0)
        #expect(cursor(current: 4).item(movedBy: 1) == 5)
    }

    @Test func aPageMovesThatManyRowsAndStopsAtTheEnd() {
        #expect(cursor(current: 2).item(movedBy: 5) == 7)
        #expect(cursor(current: 7).item(movedBy: 5) == 9)
        #expect(cursor(current: 3).item(movedBy: -5) == 0)
    }

    @Test func fromAnUnlistedItemTheFirstStepGoesToTheNearestListedOne() {
        let list = cursor(visible: [0, 2, 4, 6, 8], current: 5)
        #expect(list.item(movedBy: 1) == 6)
        #expect(list.item(movedBy: -1) == 4)
        #expect(list.item(movedBy: 2) == 8)
    }

    @Test func anEmptyListHasNoItemToMoveTo() {
        #expect(cursor(visible: [], current: nil).item(movedBy: 1) == nil)
    }

    @Test func theNextWantedItemWrapsRoundAndTriesTheCurrentOneLast() {
        let list = cursor(current: 6)
        #expect(list.nextItem(step: 1) { $0 % 5 == 0 } == 0)
        #expect(list.nextItem(step: -1) { $0 % 5 == 0 } == 5)
        #expect(list.nextItem(step: 1) { $0 == 6 } == 6)
        #expect(list.nextItem(step: 1) { $0 > 10 } == nil)
    }

    @Test func theNextWantedItemFromAnUnlistedOneStartsAtTheNearest() {
        let list = cursor(visible: [0, 2, 4, 6, 8], current: 5)
        #expect(list.nextItem(step: 1) { _ in true } == 6)
        #expect(list.nextItem(step: -1) { _ in true } == 4)
    }

    @Test func theNearestWantedItemDoesNotWrapRound() {
        let list = cursor(current: 6)
        #expect(list.nearestItem(step: 1) { $0 % 4 == 0 } == 8)
        #expect(list.nearestItem(step: -1) { $0 % 4 == 0 } == 4)
        #expect(list.nearestItem(step: 1) { $0 < 5 } == nil)
    }

    @Test func withNoCurrentItemTheNearestWantedItemIsTheFirstOrTheLast() {
        let list = cursor(current: nil)
        #expect(list.nearestItem(step: 1) { $0 % 4 == 1 } == 1)
        #expect(list.nearestItem(step: -1) { $0 % 4 == 1 } == 9)
    }

    @Test func settlingScrollsJustEnoughToShowTheCurrentRow() {
        var list = cursor(current: 7)
        list.settle(height: 3)
        #expect(list.offset == 5)
        list.current = 2
        list.settle(height: 3)
        #expect(list.offset == 2)
        list.current = 3
        list.settle(height: 3)
        #expect(list.offset == 2, "row 3 is already shown")
    }

    @Test func settlingAfterRowsDisappearLeavesNoEmptySpaceBelowTheLastRow() {
        var list = cursor(current: 9)
        list.settle(height: 3)
        #expect(list.offset == 7)
        list.relist([0, 1, 2, 9])
        list.settle(height: 3)
        #expect(list.selection == 3)
        #expect(list.offset == 1)
        list.relist([0, 1])
        list.settle(height: 3)
        #expect(list.selection == nil, "9 is gone from the list")
        #expect(list.offset == 0)
    }
}
