from iopguide.entry import main

raise SystemExit(main())
