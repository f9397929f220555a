// Linked with one layer's objects and those of the layers it stands on, and nothing else: an
// undefined symbol means the layer calls a layer it does not stand on.
int main() { return 0; }
