package concurrencylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutputBudgetTest {

    @Test
    void admitsUpToTheLimitThenDropsAndNotesOnce() {
        OutputBudget budget = new OutputBudget(10);
        assertEquals("12345", budget.admit("12345"));
        assertFalse(budget.firstDrop());
        assertEquals("67890", budget.admit("67890abc"));
        assertTrue(budget.firstDrop());
        assertEquals("", budget.admit("more"));
        assertFalse(budget.firstDrop(), "the note is shown once per cell");
    }
}
